import fs from 'node:fs';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import type { ImportLimits } from '../types';
import { MSG } from './messages';

/**
 * Our own zip reading. The central directory is read before anything is unpacked, so hostile containers
 * are refused without inflating a byte: too many entries, too much declared data, encrypted entries,
 * zip bombs. Parts are then opened by name through the directory (never by walking local headers, which
 * is how a streaming unzipper can be shown data the directory does not list), and each part's stream
 * checks as it goes that it inflates to exactly its declared size and CRC, so a directory that lies
 * about sizes or a corrupt part fails as damaged instead of unpacking without bound.
 */

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  uncompressed: number;
  offset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = 1024 * 1024;
const MAX_RATIO = 200;

class Damaged extends Error {}

/** A part that does not unpack to what the directory declares; the file is damaged. */
export class ZipDataError extends Error {}

export type ZipVerdict = { ok: true; entries: Map<string, ZipEntry> } | { ok: false; reason: string };

async function readAt(fd: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await fd.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new Damaged('short read');
  return buffer;
}

function u64(buf: Buffer, at: number): number {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Damaged('size out of range');
  return Number(value);
}

async function findDirectory(fd: fs.promises.FileHandle, size: number): Promise<{ count: number; cdSize: number; cdOffset: number; end: number }> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(fd, size - tailLength, tailLength);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD) continue;
    const eocd = size - tailLength + i;
    if (i + 22 + tail.readUInt16LE(i + 20) > tail.length) continue;
    let count = tail.readUInt16LE(i + 10);
    let cdSize = tail.readUInt32LE(i + 12);
    let cdOffset = tail.readUInt32LE(i + 16);
    let end = eocd;
    if (tail.readUInt16LE(i + 4) !== 0 || tail.readUInt16LE(i + 6) !== 0 || tail.readUInt16LE(i + 8) !== count) throw new Damaged('multi-disk');
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      if (eocd < 20) throw new Damaged('no zip64 locator');
      const locator = await readAt(fd, eocd - 20, 20);
      if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new Damaged('no zip64 locator');
      const at = u64(locator, 8);
      if (at + 56 > eocd) throw new Damaged('zip64 record out of range');
      const record = await readAt(fd, at, 56);
      if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new Damaged('no zip64 record');
      count = u64(record, 32);
      cdSize = u64(record, 40);
      cdOffset = u64(record, 48);
      end = at;
    }
    if (cdOffset + cdSize > end) throw new Damaged('directory out of range');
    return { count, cdSize, cdOffset, end };
  }
  throw new Damaged('no end of central directory');
}

function parseDirectory(cd: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new Damaged('bad central header');
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > cd.length) throw new Damaged('central header overruns');
    const entry: ZipEntry = {
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      crc: cd.readUInt32LE(p + 16),
      compressed: cd.readUInt32LE(p + 20),
      uncompressed: cd.readUInt32LE(p + 24),
      offset: cd.readUInt32LE(p + 42),
    };
    // ZIP64 extra field: only the values saturated in the fixed header follow, in this order.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = cd.readUInt16LE(e);
      const length = cd.readUInt16LE(e + 2);
      if (e + 4 + length > extraEnd) throw new Damaged('extra field overruns');
      if (id === 0x0001) {
        let q = e + 4;
        const take = () => {
          if (q + 8 > e + 4 + length) throw new Damaged('short zip64 field');
          const v = u64(cd, q);
          q += 8;
          return v;
        };
        if (entry.uncompressed === 0xffffffff) entry.uncompressed = take();
        if (entry.compressed === 0xffffffff) entry.compressed = take();
        if (entry.offset === 0xffffffff) entry.offset = take();
      }
      e += 4 + length;
    }
    entries.push(entry);
    p = next;
  }
  return entries;
}

/** Counts and checksums a part as it streams, and fails the moment it goes past its declared size. */
class Verified extends Transform {
  private produced = 0;
  private crc = 0;

  constructor(private readonly entry: ZipEntry) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.produced += chunk.length;
    if (this.produced > this.entry.uncompressed) return done(new ZipDataError(`${this.entry.name} is larger than declared`));
    this.crc = zlib.crc32(chunk, this.crc);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.produced !== this.entry.uncompressed || this.crc !== this.entry.crc) return done(new ZipDataError(`${this.entry.name} is corrupt`));
    done();
  }
}

/** A part's unpacked bytes, as a stream that errors with ZipDataError when the part is damaged. */
export async function openZipEntry(path: string, entry: ZipEntry): Promise<Readable> {
  let local: Buffer;
  let name: string;
  const fd = await fs.promises.open(path, 'r');
  try {
    local = await readAt(fd, entry.offset, 30);
    name = (await readAt(fd, entry.offset + 30, local.readUInt16LE(26))).toString('utf8');
  } catch (error) {
    throw error instanceof Damaged ? new ZipDataError(entry.name) : error;
  } finally {
    await fd.close();
  }
  if (local.readUInt32LE(0) !== LOCAL || name !== entry.name || local.readUInt16LE(8) !== entry.method) throw new ZipDataError(`${entry.name}: local header differs`);
  const start = entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const verified = new Verified(entry);
  if (entry.compressed === 0) {
    verified.end();
    return verified;
  }
  const source = fs.createReadStream(path, { start, end: start + entry.compressed - 1, highWaterMark: 256 * 1024 });
  const fail = (error: Error) => verified.destroy(error instanceof ZipDataError ? error : new ZipDataError(`${entry.name}: ${error.message}`));
  if (entry.method === 0) pipeline(source, verified, (error) => error && fail(error));
  else pipeline(source, zlib.createInflateRaw(), verified, (error) => error && fail(error));
  return verified;
}

export async function readZipDirectory(path: string, limits: ImportLimits): Promise<ZipVerdict> {
  let fd: fs.promises.FileHandle | null = null;
  try {
    fd = await fs.promises.open(path, 'r');
    const { size } = await fd.stat();
    const dir = await findDirectory(fd, size);
    if (dir.count > limits.maxZipEntries) return { ok: false, reason: MSG.tooManyEntries(limits.maxZipEntries) };
    // A central header is at least 46 bytes; a directory claiming more entries than fit is lying.
    if (dir.count * 46 > dir.cdSize || dir.cdSize > 64 * MB) throw new Damaged('directory size');
    const entries = parseDirectory(await readAt(fd, dir.cdOffset, dir.cdSize), dir.count);

    let total = 0;
    const byName = new Map<string, ZipEntry>();
    for (const entry of entries) {
      if (entry.flags & 0x1) return { ok: false, reason: MSG.passwordProtected };
      if (entry.method !== 0 && entry.method !== 8) throw new Damaged('compression method');
      if (byName.has(entry.name)) throw new Damaged('duplicate name');
      if (entry.offset + 30 + entry.compressed > dir.cdOffset) throw new Damaged('data out of range');
      byName.set(entry.name, entry);
      total += entry.uncompressed;
      if (total > limits.maxUncompressedBytes) return { ok: false, reason: MSG.tooBig(limits.maxUncompressedBytes) };
      if (entry.uncompressed > MB && entry.uncompressed > MAX_RATIO * Math.max(entry.compressed, 1)) return { ok: false, reason: MSG.zipBomb(entry.name) };
    }
    return { ok: true, entries: byName };
  } catch (error) {
    if (error instanceof Damaged) return { ok: false, reason: MSG.damagedZip };
    throw error;
  } finally {
    await fd?.close();
  }
}
