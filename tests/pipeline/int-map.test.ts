// The small-integer map behind the page's Han pair and term tables (int-map.ts).
import { describe, expect, it } from 'vitest';
import { IntMap } from '../../worker/src/pipeline/int-map';

describe('IntMap', () => {
  it('answers -1 for a key never set, and the last value set for one that was', () => {
    const map = new IntMap(4);
    expect(map.get(0)).toBe(-1);
    map.set(0, 7);
    map.set(123_456_789, 0);
    map.set(0, 9);
    expect(map.get(0)).toBe(9);
    expect(map.get(123_456_789)).toBe(0);
    expect(map.get(123_456_788)).toBe(-1);
  });

  it('keeps every key past the size it was made for, as it grows', () => {
    const map = new IntMap(1);
    // Keys that collide in a small table: multiples of a large power of two.
    const keys = Array.from({ length: 5000 }, (_, k) => (k * 1_048_576 + k) % 1_000_000_007);
    keys.forEach((key, k) => map.set(key, k));
    keys.forEach((key, k) => expect(map.get(key)).toBe(k));
    expect(map.get(1_000_000_006)).toBe(-1);
  });
});
