import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../shared/api/bridge';
import { createHandlers, type Handlers } from '../../main/api/handlers';
import { AppSession, initWorkspace } from '../../main/app/session';
import { ForeignSenderError, registerIpc, type IpcEventLike, type IpcMainLike } from '../../main/transports/ipc';

type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;

class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    // Electron throws on a second handler for one channel; so does this fake.
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }
  /** As the preload calls: one channel, the method and its input as arguments. */
  call(method: unknown, input: unknown, frameUrl: string | null = 'app://outturn/index.html'): Promise<unknown> {
    const listener = this.listeners.get(IPC_CHANNEL);
    if (!listener) throw new Error(`no handler for ${IPC_CHANNEL}`);
    return Promise.resolve(listener({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, method, input));
  }
}

let dir: string;
let session: AppSession;
let handlers: Handlers;
let ipc: FakeIpcMain;
let unregister: () => void;
const tableSpy = vi.fn();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-ipc-'));
  const file = path.join(dir, 'demo.db');
  initWorkspace(file, { demo: true });
  session = new AppSession(file);
  handlers = createHandlers(session);
  const real = handlers['kad.table'];
  handlers['kad.table'] = (input, ctx) => {
    tableSpy(input);
    return real(input, ctx);
  };
  ipc = new FakeIpcMain();
  unregister = registerIpc(ipc, handlers, () => {});
});

afterAll(() => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('IPC transport', () => {
  it('listens on one channel only, which carries the method by name', () => {
    expect([...ipc.listeners.keys()]).toEqual([IPC_CHANNEL]);
  });

  it('refuses a method the contract does not have, and a method that is not a string', async () => {
    expect(await ipc.call('kad.dropEverything', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ipc.call({ toString: () => 'kad.table' }, {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ipc.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('serves kad.table through IPC', async () => {
    const services = (await ipc.call('kad.services', {})) as { ok: true; value: { id: string }[] };
    expect(services.ok).toBe(true);
    const ldp = services.value.find((s) => s.id.includes('learning'));
    expect(ldp).toBeDefined();
    const result = (await ipc.call('kad.table', { period: '2023-08', serviceId: ldp!.id })) as { ok: boolean; value: { period: string; lines: unknown[] } };
    expect(result.ok).toBe(true);
    expect(result.value.period).toBe('2023-08');
    expect(result.value.lines.length).toBeGreaterThan(0);
  });

  it('refuses invalid input with invalid_input before the handler runs', async () => {
    tableSpy.mockClear();
    const result = await ipc.call('kad.table', { period: 'August', serviceId: '', extra: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(tableSpy).not.toHaveBeenCalled();
  });

  it('refuses calls from any frame that is not app://outturn', async () => {
    tableSpy.mockClear();
    const input = { period: '2023-08', serviceId: 'autism' };
    for (const url of ['https://evil.example/', 'app://evil/index.html', 'app://x@outturn/', 'file:///index.html', 'http://127.0.0.1:5173/', null]) {
      await expect(ipc.call('kad.table', input, url)).rejects.toBeInstanceOf(ForeignSenderError);
    }
    expect(tableSpy).not.toHaveBeenCalled();
  });

  it('removes every channel when unregistered, so a new workspace can be registered', () => {
    unregister();
    expect(ipc.listeners.size).toBe(0);
    unregister = registerIpc(ipc, handlers);
    expect(ipc.listeners.size).toBe(1);
  });
});
