import { describe, expect, it } from 'vitest';
import { hasContent, runPipeline } from '../../worker/src/pipeline';

const capturedAt = '2024-07-31T00:00:00.000Z';

describe('runPipeline', () => {
  it.each(['', '   \n\n  ', '。，、……！？', '\u3000\u3000'])('returns no articles when the text has nothing to keep (%j)', (input) => {
    const actual = runPipeline({ text: input, capturedAt });
    expect(actual.articles).toEqual([]);
    expect(hasContent(input)).toBe(false);
  });

  it('returns at least one article for ordinary text, carrying url and capture time', () => {
    const actual = runPipeline({ text: 'Hello world.\n\nSecond paragraph here.', url: 'https://example.com/a', capturedAt });
    expect(actual.articles.length).toBeGreaterThan(0);
    expect(actual.articles[0]!.url).toBe('https://example.com/a');
    expect(actual.articles[0]!.capturedAt).toBe(capturedAt);
    expect(actual.stats.inputChars).toBe(36);
  });
});
