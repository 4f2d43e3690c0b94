/**
 * Keys made of two 32-bit hashes (a row's fingerprint, a package ID's), each with the first positive
 * number it was given (a row number, a package's number plus one). An open-addressed table in typed
 * arrays: no string or object per key, so 300,000 rows cost a few megabytes and no garbage collection,
 * and nothing of the row itself is kept.
 */
export class HashedKeys {
  private keys: Int32Array;
  /** The number first given with each key; 0 marks an empty slot. */
  private rows: Int32Array;
  private size = 0;

  constructor(capacity = 1 << 16) {
    this.keys = new Int32Array(capacity * 2);
    this.rows = new Int32Array(capacity);
  }

  /** The number first given with this key, or 0 after noting `row` (positive) as the first. */
  firstOrAdd(a: number, b: number, row: number): number {
    if (this.size * 2 >= this.rows.length) this.grow();
    const mask = this.rows.length - 1;
    for (let i = this.slot(a, b) & mask; ; i = (i + 1) & mask) {
      const r = this.rows[i]!;
      if (r === 0) {
        this.keys[2 * i] = a;
        this.keys[2 * i + 1] = b;
        this.rows[i] = row;
        this.size++;
        return 0;
      }
      if (this.keys[2 * i] === (a | 0) && this.keys[2 * i + 1] === (b | 0)) return r;
    }
  }

  get count(): number {
    return this.size;
  }

  clear(): void {
    this.keys = new Int32Array(2);
    this.rows = new Int32Array(1);
    this.size = 0;
  }

  private slot(a: number, b: number): number {
    const h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
    return h ^ (h >>> 15);
  }

  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Int32Array(Math.max(2, keys.length * 2));
    this.rows = new Int32Array(Math.max(1, rows.length * 2));
    this.size = 0;
    for (let i = 0; i < rows.length; i++) if (rows[i] !== 0) this.firstOrAdd(keys[2 * i]!, keys[2 * i + 1]!, rows[i]!);
  }
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
