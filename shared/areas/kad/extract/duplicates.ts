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
