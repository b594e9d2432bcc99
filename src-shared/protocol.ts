import type { LabErrorCode } from './api';

/** The browser door's wire format (DESIGN.md §6), shared by the server and the HTTP client. */
export const apiPrefix = '/api/';
export const eventsPath = '/api/events';

/** POST /api/<method> with a JSON array of arguments; errors come back as {error: LabErrorData}. */
export const httpStatusOf: Record<LabErrorCode, number> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  internal: 500,
};

/** The token travels once in the page URL (?token=…) and then as `Authorization: Bearer …`. */
export const tokenQueryParam = 'token';
