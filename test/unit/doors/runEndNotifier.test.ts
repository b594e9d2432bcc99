import { describe, expect, it } from 'vitest';
import { notifyRunEnds, type DesktopNotification } from '../../../src-main/electron/runEndNotifier';
import type { RunEndMessage } from '../../../src-shared/runEndMessage';
import { eventSource } from './fakeEventSource';

/** Stands in for Electron's Notification: records what was shown and lets the test click it. */
class Recorded implements DesktopNotification {
  shown = false;
  private click: (() => void) | null = null;
  constructor(readonly message: RunEndMessage) {}
  on(_event: 'click', listener: () => void): this {
    this.click = listener;
    return this;
  }
  show(): void {
    this.shown = true;
  }
  clickIt(): void {
    this.click?.();
  }
}

describe('desktop notifications when a long run ends', () => {
  it('shows one for each end the service flags, and a click opens that run', () => {
    const { source, emit } = eventSource();
    const shown: Recorded[] = [];
    const opened: number[] = [];
    notifyRunEnds(source, (m) => {
      const n = new Recorded(m);
      shown.push(n);
      return n;
    }, (id) => opened.push(id));

    emit('runChanged', { id: 4, status: 'running' });
    emit('runChanged', { id: 3, status: 'completed' }); // short: no notice from the service
    emit('runChanged', { id: 5, status: 'cancelled', notice: { name: 'x', seconds: 90 } }); // the user did it
    expect(shown).toHaveLength(0);

    emit('runChanged', { id: 8, status: 'completed', notice: { name: 'Figure 4', seconds: 125 } });
    emit('runChanged', { id: 9, status: 'failed', notice: { name: 'big', seconds: 3725 } });
    expect(shown.map((n) => [n.message, n.shown])).toEqual([
      [{ title: 'Run #8 completed', body: 'Figure 4 — after 2 min 5 s. Click to open it.' }, true],
      [{ title: 'Run #9 failed', body: 'big — after 1 h 2 min. Click to open it.' }, true],
    ]);
    shown[1].clickIt();
    expect(opened).toEqual([9]);
  });

  it('does nothing where the system has no notifications', () => {
    const { source, emit } = eventSource();
    const opened: number[] = [];
    notifyRunEnds(source, () => null, (id) => opened.push(id));
    expect(() => emit('runChanged', { id: 8, status: 'completed', notice: { name: 'a', seconds: 61 } })).not.toThrow();
    expect(opened).toEqual([]);
  });
});
