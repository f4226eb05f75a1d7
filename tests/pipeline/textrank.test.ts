import { describe, expect, it } from 'vitest';
import { textRankScores, textRankSummary } from '../../scripts/lib/textrank';

const words = (sentence: string): string[] => sentence.toLowerCase().match(/[a-z]+/g) ?? [];

describe('textRankScores', () => {
  it('ranks highest the sentence that shares terms with all the others', () => {
    const input = ['apples grow on trees', 'pears grow in orchards', 'apples and pears grow as fruit', 'the sky is blue today'];
    const actual = textRankScores(input, words);
    const best = actual.indexOf(Math.max(...actual));
    expect(best).toBe(2);
    expect(actual[3]).toBeLessThan(actual[2]!);
  });

  it('gives every sentence the same score when none share a term', () => {
    const actual = textRankScores(['one two three', 'four five six', 'seven eight nine'], words);
    expect(new Set(actual.map((score) => score.toFixed(12))).size).toBe(1);
  });
});

describe('textRankSummary', () => {
  it.each([
    { input: [], count: 3, expected: '' },
    { input: ['只有一句。'], count: 3, expected: '只有一句。' },
  ])('handles $input', ({ input, count, expected }) => {
    expect(textRankSummary(input, count)).toBe(expected);
  });

  it('keeps the chosen sentences in their original order', () => {
    const input = ['苹果长在树上，苹果很甜。', '今天天气很好。', '梨和苹果都是水果，苹果更常见。'];
    const actual = textRankSummary(input, 2);
    expect(actual.indexOf('苹果长在树上')).toBeLessThan(actual.indexOf('梨和苹果'));
  });
});
