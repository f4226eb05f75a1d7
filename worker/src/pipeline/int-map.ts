// A map from small non-negative integers (packed Han pairs, below 2^30) to non-negative integers:
// open addressing in one typed array, a slot being [key + 1 (0: empty), value], grown to stay at most
// half full. On a page's thousands of Han pairs it costs far less than a Map or a Set, whose entries
// hash through the generic path.

export class IntMap {
  private slots: Int32Array;
  private shift: number;
  private size = 0;

  /** `expected`: about how many keys it will hold (it grows past that). */
  constructor(expected: number) {
    let bits = 6;
    while (1 << bits < expected * 2) bits++;
    this.slots = new Int32Array((1 << bits) * 2);
    this.shift = 32 - bits;
  }

  /** The key's value, or -1. */
  get(key: number): number {
    const at = this.slotOf(key);
    return this.slots[at] === 0 ? -1 : this.slots[at + 1]!;
  }

  set(key: number, value: number): void {
    const at = this.slotOf(key);
    if (this.slots[at] === 0) {
      this.slots[at] = key + 1;
      this.size++;
    }
    this.slots[at + 1] = value;
    if (this.size * 4 > this.slots.length) this.grow();
  }

  /** Where the key is, or the empty slot where it goes (an index of its key entry). */
  private slotOf(key: number): number {
    const { slots } = this;
    const mask = (slots.length >> 1) - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const held = slots[slot << 1]!;
      if (held === 0 || held === key + 1) return slot << 1;
    }
  }

  /** Twice the slots, every key placed again. */
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.shift--;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === 0) continue;
      const slot = this.slotOf(old[at]! - 1);
      this.slots[slot] = old[at]!;
      this.slots[slot + 1] = old[at + 1]!;
    }
  }
}
