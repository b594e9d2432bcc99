import type { LabEventSource } from '../../src-shared/api';
import { runEndMessage, type RunEndMessage } from '../../src-shared/runEndMessage';

/** The slice of Electron's Notification this needs, so the wiring is testable without Electron. */
export interface DesktopNotification {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

/**
 * A desktop notification when a long run ends (the service decides which runs are long);
 * clicking it opens that run. Returns the unsubscribe function.
 */
export function notifyRunEnds(
  source: LabEventSource,
  notify: (message: RunEndMessage) => DesktopNotification | null,
  openRun: (id: number) => void,
): () => void {
  return source.on('runChanged', (event) => {
    const message = runEndMessage(event);
    if (!message) return;
    const n = notify(message);
    if (!n) return;
    n.on('click', () => openRun(event.id));
    n.show();
  });
}
