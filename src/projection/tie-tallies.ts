/**
 * A projection's ties while it counts them: an open-addressing hash table on typed arrays,
 * keyed by the pair of dense actor numbers (a < b), each tie a row of columns. A window has
 * tens of thousands of ties and a series hundreds of windows: a Map of one object per tie
 * cost more in allocation and collection than the counting itself.
 */
export class TieTallies {
  /** Ties counted so far; tie t is row t of the columns, rows in first-seen order. */
  size = 0;
  a = new Int32Array(64);
  b = new Int32Array(64);
  interactions = new Int32Array(64);
  weight = new Float64Array(64);
  firstAt = new Float64Array(64);
  lastAt = new Float64Array(64);
  /** Sequence number of the last interaction counted, so one interaction counts once. */
  private lastSeq = new Int32Array(64);
  /** Hash slots: row + 1, 0 empty. */
  private slots = new Int32Array(128);

  /** Counts interaction `seq` (at, weight) for the pair a < b. */
  tie(a: number, b: number, seq: number, at: number, weight: number): void {
    const mask = this.slots.length - 1;
    let s = hash(a, b) & mask;
    for (;;) {
      const row = this.slots[s]! - 1;
      if (row < 0) break;
      if (this.a[row] === a && this.b[row] === b) {
        if (this.lastSeq[row] !== seq) {
          this.lastSeq[row] = seq;
          this.interactions[row]! += 1;
          this.weight[row]! += weight;
          if (at < this.firstAt[row]!) this.firstAt[row] = at;
          if (at > this.lastAt[row]!) this.lastAt[row] = at;
        }
        return;
      }
      s = (s + 1) & mask;
    }
    if (this.size === this.a.length) this.growRows();
    const row = this.size++;
    this.a[row] = a;
    this.b[row] = b;
    this.interactions[row] = 1;
    this.weight[row] = weight;
    this.firstAt[row] = at;
    this.lastAt[row] = at;
    this.lastSeq[row] = seq;
    this.slots[s] = row + 1;
    if (2 * this.size > this.slots.length) this.rehash();
  }

  /** The row of the pair a < b, or −1. */
  rowOf(a: number, b: number): number {
    const mask = this.slots.length - 1;
    for (let s = hash(a, b) & mask; ; s = (s + 1) & mask) {
      const row = this.slots[s]! - 1;
      if (row < 0 || (this.a[row] === a && this.b[row] === b)) return row;
    }
  }

  private growRows(): void {
    const grow = <T extends Int32Array | Float64Array>(column: T): T => {
      const bigger = new (column.constructor as new (length: number) => T)(column.length * 2);
      bigger.set(column);
      return bigger;
    };
    this.a = grow(this.a);
    this.b = grow(this.b);
    this.interactions = grow(this.interactions);
    this.weight = grow(this.weight);
    this.firstAt = grow(this.firstAt);
    this.lastAt = grow(this.lastAt);
    this.lastSeq = grow(this.lastSeq);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let row = 0; row < this.size; row++) {
      let s = hash(this.a[row]!, this.b[row]!) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = row + 1;
    }
    this.slots = slots;
  }
}

/** A mixed hash of the pair: the table takes its low bits, so the high bits are folded in. */
function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) + b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}
