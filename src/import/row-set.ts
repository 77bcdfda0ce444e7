/** A growable set of row ordinals: one bit per row, so memory stays flat in a long file. */
export class RowSet {
  private bits = new Uint8Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(ordinal: number): void {
    if (ordinal >> 3 >= this.bits.length) {
      const grown = new Uint8Array(Math.max(this.bits.length * 2, (ordinal >> 3) + 1));
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (ordinal & 7);
    if ((this.bits[ordinal >> 3]! & mask) === 0) {
      this.bits[ordinal >> 3]! |= mask;
      this.count += 1;
    }
  }

  has(ordinal: number): boolean {
    return ordinal >> 3 < this.bits.length && (this.bits[ordinal >> 3]! & (1 << (ordinal & 7))) !== 0;
  }
}
