import { contextBridge, ipcRenderer } from 'electron';
import type { OutturnBridge } from '../../shared/api/bridge';
import { IPC_CHANNEL_PREFIX, METHOD_NAMES } from '../../shared/api/methods';

/**
 * Runs sandboxed with context isolation: it can require only 'electron', so vite bundles it (with the
 * method list) into dist/preload/preload.js. It hands the page one function per contract method and
 * nothing else — no ipcRenderer, no channel names of its choosing.
 */
const bridge = Object.fromEntries(
  METHOD_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL_PREFIX + name, input)]),
) as unknown as OutturnBridge;

contextBridge.exposeInMainWorld('outturn', bridge);
