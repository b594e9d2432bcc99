import type { LabErrorCode } from './api';

/** The browser door's wire format, shared by the server and the HTTP client. */
export const apiPrefix = '/api/';
export const eventsPath = '/api/events';

/** POST /api/<method> with a JSON array of arguments; errors come back as {error: LabErrorData}. */
export const httpStatusOf: Record<LabErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  internal: 500,
};

/** The inverse, for a client reading an error response that carries no {error} body. */
export function labErrorCodeOf(status: number): LabErrorCode {
  const found = (Object.keys(httpStatusOf) as LabErrorCode[]).find((code) => httpStatusOf[code] === status);
  return found ?? 'internal';
}

/** The token travels once in the page URL (?token=…) and then as `Authorization: Bearer …`. */
export const tokenQueryParam = 'token';

// `GET /api/events` also accepts the token as `?token=…` (EventSource cannot send headers);
// every other /api request needs the Authorization header.

/**
 * POST bodies must be sent as application/json: a cross-site page can only send "simple"
 * bodies (text/plain, forms) without a CORS preflight, which the server never grants, so this
 * closes cross-site request forgery against a loopback server that has no token.
 */
export const jsonContentType = 'application/json';

/**
 * The Content-Security-Policy of the lab page, served by both doors (HTTP header from the server,
 * response header of the Electron app:// protocol). No inline or remote script, no eval, no
 * frames, no plugins; inline styles only (ECharts and Vue transitions set them).
 * `extraConnect` adds e.g. the Vite dev server's websocket during development.
 */
export function contentSecurityPolicy(extraConnect: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...extraConnect].join(' ')}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
