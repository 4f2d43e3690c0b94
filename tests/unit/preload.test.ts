import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Builds the preload with its real vite config (into a temp folder, so dist/ is left alone) and runs the
 * bundle the way a sandboxed preload runs: `require` knows only 'electron', mocked here.
 */
let dir: string;
let exposed: Record<string, unknown> = {};
let exposedAs: string | undefined;
const invoked: { channel: string; args: unknown[] }[] = [];
const required: string[] = [];

const electron = {
  contextBridge: {
    exposeInMainWorld(key: string, api: Record<string, unknown>) {
      exposedAs = key;
      exposed = api;
    },
  },
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]) {
      invoked.push({ channel, args });
      return Promise.resolve({ ok: true, value: channel });
    },
  },
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-preload-'));
  await build({ configFile: path.resolve('vite.preload.config.mts'), logLevel: 'silent', build: { outDir: dir, emptyOutDir: true } });
  const code = fs.readFileSync(path.join(dir, 'preload.js'), 'utf8');
  const module = { exports: {} };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports }, { filename: 'preload.js' });
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('preload', () => {
  it('requires nothing but electron', () => {
    expect(required).toEqual(['electron']);
  });

  it('exposes exactly one function, call, as window.outturn', () => {
    expect(exposedAs).toBe('outturn');
    expect(Object.keys(exposed)).toEqual(['call']);
    expect(typeof exposed.call).toBe('function');
  });

  it('sends every call on the one channel with the method and input unchanged', async () => {
    const input = { period: '2023-08', serviceId: 'autism' };
    const reply = await (exposed.call as (m: string, i: unknown) => Promise<unknown>)('kad.table', input);
    expect(invoked.at(-1)).toEqual({ channel: 'outturn:call', args: ['kad.table', input] });
    expect(reply).toEqual({ ok: true, value: 'outturn:call' });
  });
});
