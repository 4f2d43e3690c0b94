import path from 'node:path';
import { utilityProcess } from 'electron';
import { connectHost, type HostClient } from '../host/client';
import type { FromHost, HostOpen } from '../host/protocol';

/**
 * The desktop app's launcher: the host (session, handlers, dispatch: main/host/host.ts) in an Electron
 * utility process — Node without a window — so database work, imports and the committee pack never
 * run on Electron's main process, which keeps the window, menu and dialogs responsive. The renderer's
 * IPC calls are forwarded to it and its envelopes returned. Electron's UtilityProcess is taken
 * structurally so the wiring runs in plain Node tests.
 */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export type ForkUtility = (modulePath: string, args: string[], options: { serviceName: string; stdio: 'inherit' }) => UtilityProcessLike;

export const HOST_ENTRY = path.join(__dirname, '..', 'host', 'utility-entry.js');

export function startHostProcess(open: HostOpen, fork: ForkUtility = (modulePath, args, options) => utilityProcess.fork(modulePath, args, options)): Promise<HostClient> {
  const child = fork(HOST_ENTRY, [], { serviceName: 'Outturn workspace', stdio: 'inherit' });
  return connectHost(
    {
      post: (m) => child.postMessage(m),
      listen: (l) => void child.on('message', (m) => l(m as FromHost)),
      onExit: (l) => void child.on('exit', (code) => l(code)),
      terminate: () => void child.kill(),
    },
    open,
  );
}
