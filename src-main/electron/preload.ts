import { contextBridge, ipcRenderer } from 'electron';
import { bridgeKey } from '../../src-shared/ipc';
import { createLabBridge } from './labBridge';

// Sandboxed preload: the only thing the page gets is window.lab (LabApi + on), never ipcRenderer.
contextBridge.exposeInMainWorld(bridgeKey, createLabBridge(ipcRenderer));
