import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, type OutturnBridge } from '../../shared/api/bridge';

/**
 * Runs sandboxed with context isolation: it can require only 'electron', so vite bundles it into
 * dist/preload/preload.js. It hands the page one function that calls a contract method by name over
 * one channel, and nothing else — no ipcRenderer, no channel of the page's choosing.
 */
const bridge: OutturnBridge = {
  call: (method, input) => ipcRenderer.invoke(IPC_CHANNEL, method, input),
};

contextBridge.exposeInMainWorld('outturn', bridge);
