/** A growable column of numbers in a typed array: one entry per element or row, no object per entry. */
export class Column<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

export const ints = (n = 1024) => new Column(new Int32Array(n), (m) => new Int32Array(m));
export const floats = (n = 1024) => new Column(new Float64Array(n), (m) => new Float64Array(m));
