import { describe, expect, it } from 'vitest';
import { lcsLength, rougeL, rougeN, rougeTokens } from '../../scripts/lib/rouge';

describe('rougeTokens', () => {
  it.each([
    { input: '雄安新区，启动！', unit: 'char' as const, expected: ['雄', '安', '新', '区', '启', '动'] },
    { input: 'The cat, the HAT.', unit: 'word' as const, expected: ['the', 'cat', 'the', 'hat'] },
    { input: '2019年B2B', unit: 'char' as const, expected: ['2', '0', '1', '9', '年', 'B', '2', 'B'] },
  ])('tokenizes $input per $unit', ({ input, unit, expected }) => {
    expect(rougeTokens(input, unit)).toEqual(expected);
  });
});

describe('lcsLength', () => {
  it.each([
    { a: 'ABCBDAB', b: 'BDCABA', expected: 4 },
    { a: '', b: 'ABC', expected: 0 },
    { a: 'ABC', b: 'ABC', expected: 3 },
    { a: 'ABC', b: 'XYZ', expected: 0 },
  ])('is $expected for $a and $b', ({ a, b, expected }) => {
    expect(lcsLength([...a], [...b])).toBe(expected);
  });
});

describe('rougeN and rougeL', () => {
  it('scores a worked example: candidate 我爱北京 against reference 我爱上海北京', () => {
    const candidate = [...'我爱北京'];
    const reference = [...'我爱上海北京'];
    // Unigrams: all 4 candidate characters are in the reference: P = 4/4, R = 4/6.
    expect(rougeN(candidate, reference, 1).f).toBeCloseTo((2 * 1 * (4 / 6)) / (1 + 4 / 6), 10);
    // Bigrams: 我爱 and 北京 match of 3 candidate and 5 reference bigrams: P = 2/3, R = 2/5 → F = 0.5.
    expect(rougeN(candidate, reference, 2).f).toBeCloseTo(0.5, 10);
    // LCS 我爱北京 = 4: same as ROUGE-1 here.
    expect(rougeL(candidate, reference).f).toBeCloseTo(0.8, 10);
  });

  it('clips repeated n-grams to their count in the reference', () => {
    const actual = rougeN(['a', 'a', 'a'], ['a', 'b'], 1);
    expect(actual.precision).toBeCloseTo(1 / 3, 10);
    expect(actual.recall).toBeCloseTo(1 / 2, 10);
  });

  it('is 0, not NaN, for empty input', () => {
    expect(rougeL([], ['a']).f).toBe(0);
    expect(rougeN(['a'], [], 2).f).toBe(0);
  });

  it('rewards order in ROUGE-L but not in ROUGE-1', () => {
    const reference = [...'ABCD'];
    expect(rougeN([...'DCBA'], reference, 1).f).toBe(1);
    expect(rougeL([...'DCBA'], reference).f).toBeCloseTo(0.25, 10);
  });
});
