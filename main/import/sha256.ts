import crypto from 'node:crypto';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

/** Files at least this large are hashed on a thread of their own. */
const ON_ITS_OWN_THREAD = 4 * 1024 * 1024;

// Plain Node with no module of the app's, so it runs the same from the sources, the build and a package.
const HASHER = `
const { parentPort, workerData } = require('node:worker_threads');
const hash = require('node:crypto').createHash('sha256');
require('node:fs').createReadStream(workerData)
  .on('data', (c) => hash.update(c))
  .on('error', (e) => parentPort.postMessage({ error: e.message }))
  .on('end', () => parentPort.postMessage({ sha256: hash.digest('hex') }));
`;

function onThisThread(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha256');
    fs.createReadStream(file)
      .on('data', (c) => hash.update(c))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * A file's SHA-256 (hex). A large file is hashed on a thread of its own, so an import reading it on this
 * thread meanwhile does not also do the hashing (a tiny heap: it holds one chunk of the file at a time).
 */
export function sha256File(file: string): Promise<string> {
  const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size < ON_ITS_OWN_THREAD) return onThisThread(file);
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASHER, { eval: true, workerData: file, resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 } });
    let settled = false;
    worker.once('message', (m: { sha256?: string; error?: string }) => {
      settled = true;
      if (m.sha256) resolve(m.sha256);
      else reject(new Error(m.error ?? 'the file could not be read'));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    worker.once('exit', () => {
      if (!settled) reject(new Error('the file could not be read'));
      settled = true;
    });
  });
}
