/**
 * A set of 64-bit fingerprints of strings, for spotting repeated external ids in a file of
 * any length without keeping the ids: 8 bytes per id in two typed arrays (open
 * addressing, linear probing, at most half full), where a Set<string> of a million ids
 * costs tens of megabytes.
 *
 * `add` answers false when the fingerprint was there already: the string is *probably* a
 * repeat. Two different strings share a fingerprint with probability about n²/2⁶⁵ (3·10⁻⁸
 * for a million ids), so the caller confirms candidates against the real strings before
 * reporting them (the importer re-reads the file for the few candidates).
 *
 * The fingerprint is two 32-bit FNV-1a-style hashes over the UTF-16 code units with
 * different offsets and a murmur3 finalizer each.
 */
export class FingerprintSet {
  private high: Uint32Array;
  private low: Uint32Array;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Adds the string's fingerprint; false when it was already present. */
  add(text: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193 ^ text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    h1 = fmix(h1);
    h2 = fmix(h2 ^ h1);
    if (h1 === 0 && h2 === 0) h2 = 1; // (0, 0) marks an empty slot
    if ((this.count + 1) * 2 > this.high.length) this.grow();
    return this.insert(h1, h2);
  }

  private insert(h1: number, h2: number): boolean {
    const mask = this.high.length - 1;
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const a = this.high[slot]!;
      const b = this.low[slot]!;
      if (a === 0 && b === 0) {
        this.high[slot] = h1;
        this.low[slot] = h2;
        this.count += 1;
        return true;
      }
      if (a === h1 && b === h2) return false;
    }
  }

  private grow(): void {
    const { high, low } = this;
    this.high = new Uint32Array(high.length * 2);
    this.low = new Uint32Array(low.length * 2);
    this.count = 0;
    for (let slot = 0; slot < high.length; slot++) {
      if (high[slot] !== 0 || low[slot] !== 0) this.insert(high[slot]!, low[slot]!);
    }
  }
}

/** murmur3's 32-bit finalizer, as an unsigned integer. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
