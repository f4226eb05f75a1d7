import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractKeywords } from '../../worker/src/pipeline/keywords';
import { splitSentences } from '../../worker/src/pipeline/sentences';
import { summarize, withoutDatelineLabel } from '../../worker/src/pipeline/summarize';

// Text from pieces that stress the summarizer and keyword extractor: function characters, sentence ends,
// quotes and brackets, datelines, abbreviations, astral characters, Latin words and digits.
const pieces = [
  ...Array.from('的了是在和我们雄安新区征迁安置。！？，；：“”「」（）()."\'!? \n\u3000abcXYZ0123456789'),
  '😀', '𠀀', '𐀀', 'Mr.', 'No.', '...', '本报讯（记者 陈元洪）', '新华社北京2月28日电', 'LONDON (Reuters) - ', 'Bank of England',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 200 }).map((parts) => parts.join(''));
const input = fc.record({
  paragraphs: fc.array(text, { maxLength: 5 }),
  title: text,
  lang: fc.constantFrom('zh', 'zh-TW', 'en', 'und', 'ja', 'fr'),
});
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether `summary` is 1-3 whole input sentences in order (the first may lack its dateline label). */
function isWholeSentences(paragraphs: string[], summary: string): boolean {
  const sentences = paragraphs.flatMap(splitSentences);
  const forms = (i: number): string[] => (i === 0 ? [sentences[0]!, withoutDatelineLabel(sentences[0]!)] : [sentences[i]!]);
  const taken = (rest: string, from: number): number => {
    if (rest.length === 0) return 0;
    for (let i = from; i < sentences.length; i++) {
      for (const form of forms(i)) {
        if (!rest.startsWith(form)) continue;
        const more = taken(rest.slice(form.length).trimStart(), i + 1);
        if (more >= 0) return more + 1;
      }
    }
    return -1;
  };
  const count = taken(summary.trim(), 0);
  return count >= 1 && count <= 3;
}

describe('summarize and extractKeywords on generated text', () => {
  it('never throw, and return whole input sentences and verbatim, distinct keywords', () => {
    fc.assert(
      fc.property(input, ({ paragraphs, title, lang }) => {
        const summary = summarize(paragraphs, lang, { title });
        if (summary !== '') expect(isWholeSentences(paragraphs, summary)).toBe(true);
        expect(LONE_SURROGATE.test(summary)).toBe(false);
        const keywords = extractKeywords(title, paragraphs, lang);
        expect(keywords.length).toBeLessThanOrEqual(5);
        const source = [title, ...paragraphs].join('\n');
        for (const keyword of keywords) {
          expect(source).toContain(keyword);
          expect(LONE_SURROGATE.test(keyword)).toBe(false);
          for (const other of keywords) if (other !== keyword) expect(other.toLowerCase().includes(keyword.toLowerCase())).toBe(false);
        }
      }),
      { numRuns: 1000, seed: 20260727 },
    );
  });
});
