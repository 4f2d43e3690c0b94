import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../main/import/sha256';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-sha256-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A file of `bytes` bytes of varied content, with its SHA-256 worked out by Node's crypto in one go. */
function file(name: string, bytes: number): { file: string; sha256: string } {
  const data = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (i * 31 + (i >> 10)) & 0xff;
  const at = path.join(dir, name);
  fs.writeFileSync(at, data);
  return { file: at, sha256: crypto.createHash('sha256').update(data).digest('hex') };
}

describe("a file's SHA-256", () => {
  it('is the same whether the file is small (hashed on this thread) or large (hashed on its own)', async () => {
    for (const f of [file('empty.csv', 0), file('small.csv', 70_000), file('large.csv', 5 * 1024 * 1024 + 123)]) expect(await sha256File(f.file)).toBe(f.sha256);
  });

  it('fails, rather than hanging, when the file cannot be read', async () => {
    await expect(sha256File(path.join(dir, 'missing.csv'))).rejects.toThrow();
    const folder = path.join(dir, 'a-folder');
    fs.mkdirSync(folder);
    await expect(sha256File(folder)).rejects.toThrow();
  });
});
