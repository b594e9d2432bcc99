import type { LabEvents } from './api';

/** What a finished long run's notification says, the same in the desktop app and the browser. */
export interface RunEndMessage {
  title: string;
  body: string;
}

const verbs: Partial<Record<LabEvents['runChanged']['status'], string>> = {
  completed: 'completed',
  failed: 'failed',
  interrupted: 'was interrupted',
};

function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : `${m} min ${s % 60} s`;
}

/** Null unless the event is the end of a run the service flagged as worth a notice. */
export function runEndMessage(event: LabEvents['runChanged']): RunEndMessage | null {
  const verb = verbs[event.status];
  if (!event.notice || !verb) return null;
  return {
    title: `Run #${event.id} ${verb}`,
    body: `${event.notice.name} — after ${duration(event.notice.seconds)}. Click to open it.`,
  };
}
