/// <reference types="vite/client" />
import type { LabApi, LabEventSource } from '../src-shared/api';

declare global {
  interface Window {
    /** Present in Electron (the preload's contextBridge object); absent in a browser. */
    lab?: LabApi & LabEventSource;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

export {};
