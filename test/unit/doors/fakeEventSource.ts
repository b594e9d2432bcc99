import type { LabEventName, LabEvents, LabEventSource } from '../../../src-shared/api';

/** A LabEventSource stand-in for the door tests: `emit` plays the service, `listeners` shows who listens. */
export function eventSource() {
  const listeners = new Map<LabEventName, Set<(p: unknown) => void>>();
  const source: LabEventSource = {
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener as (p: unknown) => void);
      return () => listeners.get(event)!.delete(listener as (p: unknown) => void);
    },
  };
  const emit = <E extends LabEventName>(event: E, payload: LabEvents[E]) => listeners.get(event)?.forEach((l) => l(payload));
  return { source, emit, listeners };
}
