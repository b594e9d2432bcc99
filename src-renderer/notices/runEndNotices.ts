import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LabEvents } from '../../src-shared/api';
import { runEndMessage, type RunEndMessage } from '../../src-shared/runEndMessage';
import { lab } from '../api/lab';

/** Set once the browser has asked the user about notifications, so it never asks again. */
const ASKED_KEY = 'lab.notifications.asked';

export interface InPageNotice extends RunEndMessage {
  id: number;
}

/**
 * Ask for the browser's notification permission, once per browser profile, from a user action
 * (browsers ignore or hide requests that come from nowhere). Skipped in Electron, where the
 * main process shows the system's notifications itself.
 */
export function askForNotificationsOnce(storage: Storage = window.localStorage): void {
  if (window.lab || typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  if (storage.getItem(ASKED_KEY)) return;
  storage.setItem(ASKED_KEY, '1');
  void Notification.requestPermission();
}

/**
 * The end of a long run, told to a user who may not be watching: the browser's notification when
 * permitted, an in-page notice otherwise (no API, permission denied or not yet given). Either one
 * opens the run. In Electron this stays silent: the main process notifies.
 */
export const useRunEndNotices = defineStore('runEndNotices', () => {
  const notices = ref<InPageNotice[]>([]);
  let watching = false;

  function watch(openRun: (id: number) => void): void {
    if (watching || window.lab) return;
    watching = true;
    lab.on('runChanged', (event: LabEvents['runChanged']) => {
      const message = runEndMessage(event);
      if (!message) return;
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        const n = new Notification(message.title, { body: message.body, tag: `run-${event.id}` });
        n.onclick = () => {
          window.focus();
          openRun(event.id);
          n.close();
        };
        return;
      }
      notices.value = [...notices.value.filter((x) => x.id !== event.id), { id: event.id, ...message }];
    });
  }

  function dismiss(id: number): void {
    notices.value = notices.value.filter((x) => x.id !== id);
  }

  return { notices, watch, dismiss };
});
