import { ints } from './column';

/**
 * Keys made of two 32-bit hashes (a row's fingerprint, a package ID's), each with the first positive
 * number it was given (a row number, a package's number plus one). An open-addressed table in one typed
 * array, a slot's key and number side by side so a look-up touches one cache line: no string or object
 * per key, so 300,000 rows cost a few megabytes and no garbage collection, and nothing of the row
 * itself is kept.
 */
export class HashedKeys {
  /** Per slot: the key's two hashes, its number (0: an empty slot), and a spare to keep slots aligned. */
  private slots: Int32Array;
  private capacity: number;
  private size = 0;

  // Room for 250,000 keys before the first doubling: the pages are zeroed lazily by the system, so a
  // small file pays only for the slots it touches, and a large one copies its keys once or not at all.
  constructor(capacity = 1 << 19) {
    this.capacity = capacity;
    this.slots = new Int32Array(capacity * 4);
  }

  /** The number first given with this key, or 0 after noting `value` (positive) as the first. */
  firstOrAdd(a: number, b: number, value: number): number {
    if (this.size * 2 >= this.capacity) this.grow();
    const at = this.slotOf(a | 0, b | 0);
    const found = this.slots[at + 2]!;
    if (found !== 0) return found;
    this.slots[at] = a;
    this.slots[at + 1] = b;
    this.slots[at + 2] = value;
    this.size++;
    return 0;
  }

  /** The number given with this key, or 0 when it has none. */
  get(a: number, b: number): number {
    return this.slots[this.slotOf(a | 0, b | 0) + 2]!;
  }

  /** Where the key is, or the empty slot it would go in. */
  private slotOf(a: number, b: number): number {
    const slots = this.slots;
    const mask = this.capacity - 1;
    for (let i = slot(a, b) & mask; ; i = (i + 1) & mask) {
      const at = i << 2;
      if (slots[at + 2] === 0 || (slots[at] === a && slots[at + 1] === b)) return at;
    }
  }

  get count(): number {
    return this.size;
  }

  clear(): void {
    this.capacity = 1;
    this.slots = new Int32Array(4);
    this.size = 0;
  }

  private grow(): void {
    const old = this.slots;
    this.capacity = Math.max(2, this.capacity * 2);
    this.slots = new Int32Array(this.capacity * 4);
    this.size = 0;
    for (let at = 0; at < old.length; at += 4) if (old[at + 2] !== 0) this.firstOrAdd(old[at]!, old[at + 1]!, old[at + 2]!);
  }
}

/** Rows a package keeps in its own list before the rest go to a shared table. */
const LISTED_PER_PACKAGE = 16;

/**
 * Rows by their fingerprints, told apart within their package: an exact repeat of a row has the same
 * package ID, so each package lists its own rows' fingerprints, appended as they come. Most packages have
 * a row or two, so a row costs an append rather than a look-up in a table of every row. A package's rows
 * after its first LISTED_PER_PACKAGE go to a HashedKeys table, so a file whose rows all name one package
 * is not read in quadratic time.
 */
export class PackageRows {
  /** Per package: its latest listed row's entry plus one (0: none), and how many it lists. */
  private head = ints();
  private listed = ints();
  // Per listed row: its fingerprint, its row number, and its package's previous entry plus one.
  private a = ints();
  private b = ints();
  private row = ints();
  private next = ints();
  private rest = new HashedKeys(1024);

  /** The row first given with this fingerprint in package `p` (numbered from 0), or 0 after noting `row` (positive) as the first. */
  firstOrAdd(p: number, a: number, b: number, row: number): number {
    while (this.head.length <= p) {
      this.head.push(0);
      this.listed.push(0);
    }
    const fa = this.a.data;
    const fb = this.b.data;
    const next = this.next.data;
    for (let e = this.head.data[p]! - 1; e >= 0; e = next[e]! - 1) if (fa[e] === (a | 0) && fb[e] === (b | 0)) return this.row.data[e]!;
    if (this.listed.data[p]! >= LISTED_PER_PACKAGE) return this.rest.firstOrAdd(a, b, row);
    this.a.push(a);
    this.b.push(b);
    this.row.push(row);
    this.next.push(this.head.data[p]!);
    this.head.data[p] = this.a.length;
    this.listed.data[p]!++;
    return 0;
  }

  clear(): void {
    for (const c of [this.head, this.listed, this.a, this.b, this.row, this.next]) {
      c.length = 0;
      c.data = new Int32Array(1);
    }
    this.rest.clear();
  }
}

function slot(a: number, b: number): number {
  const h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/** Two 32-bit hashes of a text (FNV-1a and a multiply-shift), for a HashedKeys key. */
export class TextHash {
  a = 0;
  b = 0;

  of(text: string): this {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c ^ text.length;
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      h1 = Math.imul(h1 ^ c, 16_777_619);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 13;
    }
    this.a = h1;
    this.b = h2;
    return this;
  }
}
