import fs from 'node:fs';
import type { ImportLimits } from '../types';
import { MSG } from './messages';
import { readZipDirectory, type ZipEntry } from './zip-guard';

/**
 * What a file is, by its bytes, never its extension.
 *
 * CSV encoding: UTF-8 when the whole file is valid UTF-8 (with or without a BOM); UTF-16 when it starts
 * with a UTF-16 BOM (Excel's "Unicode Text"); otherwise Windows-1252, which is what Excel on a UK
 * Windows PC writes for "CSV (Comma delimited)" — £ is byte A3 there. Windows-1252 decodes any byte, so
 * text is only accepted as CSV when it holds no NUL and almost no control characters.
 */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Sniffed = { kind: 'xlsx'; entries: Map<string, ZipEntry> } | { kind: 'csv'; encoding: CsvEncoding } | { kind: 'refused'; reason: string };

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_STREAMS = [Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le')];
const BINARY_MAGIC = [Buffer.from('%PDF'), Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from('GIF8'), Buffer.from([0xff, 0xd8, 0xff]), Buffer.from([0x1f, 0x8b])];

async function head(path: string, length: number): Promise<Buffer> {
  const fd = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await fd.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await fd.close();
  }
}

/** An encrypted Office file is an OLE container whose directory names these streams (in UTF-16). */
async function oleIsEncrypted(path: string): Promise<boolean> {
  const overlap = 64;
  let tail = Buffer.alloc(0);
  let scanned = 0;
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const window = Buffer.concat([tail, chunk as Buffer]);
    if (ENCRYPTION_STREAMS.some((name) => window.includes(name))) return true;
    tail = window.subarray(Math.max(0, window.length - overlap));
    scanned += (chunk as Buffer).length;
    if (scanned > 256 * 1024 * 1024) break;
  }
  return false;
}

function looksLikeText(sample: Buffer): boolean {
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  return controls <= sample.length / 100;
}

async function isUtf8(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(path, { highWaterMark: 1024 * 1024 })) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

export async function sniffFile(path: string, limits: ImportLimits): Promise<Sniffed> {
  const stat = await fs.promises.stat(path);
  if (stat.isDirectory()) return { kind: 'refused', reason: MSG.isFolder };
  if (stat.size === 0) return { kind: 'refused', reason: MSG.empty };
  const start = await head(path, 64 * 1024);
  if (start[0] === 0x50 && start[1] === 0x4b && ((start[2] === 3 && start[3] === 4) || (start[2] === 5 && start[3] === 6))) {
    const zip = await readZipDirectory(path, limits);
    if (!zip.ok) return { kind: 'refused', reason: zip.reason };
    if (zip.entries.has('[Content_Types].xml') && zip.entries.has('xl/workbook.xml')) return { kind: 'xlsx', entries: zip.entries };
    if (zip.entries.has('xl/workbook.bin')) return { kind: 'refused', reason: MSG.xlsb };
    return { kind: 'refused', reason: MSG.notWorkbook };
  }
  if (start.subarray(0, 8).equals(OLE)) {
    return { kind: 'refused', reason: (await oleIsEncrypted(path)) ? MSG.passwordProtected : MSG.oldXls };
  }
  if (start[0] === 0xff && start[1] === 0xfe) return { kind: 'csv', encoding: 'utf-16le' };
  if (start[0] === 0xfe && start[1] === 0xff) return { kind: 'csv', encoding: 'utf-16be' };
  if (BINARY_MAGIC.some((magic) => start.subarray(0, magic.length).equals(magic))) return { kind: 'refused', reason: MSG.notWorkbook };
  if (!looksLikeText(start)) return { kind: 'refused', reason: MSG.notWorkbook };
  return { kind: 'csv', encoding: (await isUtf8(path)) ? 'utf-8' : 'windows-1252' };
}
