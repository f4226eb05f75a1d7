import { describe, expect, it } from 'vitest';
import { extractKeywords } from '../../worker/src/pipeline/keywords';

const zhTitle = '雄安新区启动第二批征迁安置工作';
const zhParagraphs = [
  '5月31日，雄安新区全面启动第二批征迁安置工作。容城县、雄县、安新县人民政府在54个村张贴公告。',
  '雄安新区第二批征迁安置工作任务涉及三县54个村，需搬迁安置21597人，以确保重点建设项目用地需求。',
  '此次征迁安置工作由雄安新区管委会统一组织，征迁安置补偿标准与第一批保持一致。',
];
const zhTraditional = [
  '香港天文台今日發出酷熱天氣警告。天文台表示，酷熱天氣將持續至週末。',
  '天文台提醒市民注意防暑，酷熱天氣下應多喝水。',
];
const enTitle = 'Climate talks stall in Bonn';
const enParagraphs = [
  'Negotiators at the climate talks in Bonn failed on Friday to agree on a draft text. The United Nations said the talks would resume in November.',
  'Climate finance remained the main obstacle, delegates said. The United Nations climate chief urged richer countries to raise climate finance.',
];

/** Every keyword is verbatim in the input, at most 5, none repeated or inside another. */
function expectValidKeywords(title: string, paragraphs: string[], actual: string[]): void {
  const text = [title, ...paragraphs].join('\n');
  expect(actual.length).toBeLessThanOrEqual(5);
  for (const keyword of actual) {
    expect(keyword.trim()).toBe(keyword);
    expect(keyword.length).toBeGreaterThan(0);
    expect(text).toContain(keyword);
    for (const other of actual) if (other !== keyword) expect(other.toLowerCase().includes(keyword.toLowerCase())).toBe(false);
  }
  expect(new Set(actual.map((k) => k.toLowerCase())).size).toBe(actual.length);
}

describe('extractKeywords', () => {
  it.each([
    { title: '', input: [], expected: [] },
    { title: '', input: ['', '  '], expected: [] },
    { title: '', input: ['。，！'], expected: [] },
  ])('returns no keywords for empty input ($input)', ({ title, input, expected }) => {
    expect(extractKeywords(title, input, 'zh')).toEqual(expected);
  });

  it('finds the repeated names of a Chinese article, longest form first', () => {
    const actual = extractKeywords(zhTitle, zhParagraphs, 'zh');
    expectValidKeywords(zhTitle, zhParagraphs, actual);
    expect([...actual.slice(0, 2)].sort()).toEqual(['征迁安置工作', '雄安新区'].sort());
    // Pieces of 雄安新区 and 征迁安置工作 are not keywords of their own.
    for (const piece of ['雄安', '安新', '新区', '征迁', '迁安', '安置', '安置工作']) expect(actual).not.toContain(piece);
  });

  it('works on Traditional Chinese', () => {
    const actual = extractKeywords('', zhTraditional, 'zh-TW');
    expectValidKeywords('', zhTraditional, actual);
    expect(actual).toContain('天文台');
    expect(actual).toContain('酷熱天氣');
  });

  it.each([
    { input: '我们的我们的我们的了了和和是是', expected: [] as string[] },
    { input: '是的是的是的，了了了，和和和', expected: [] as string[] },
  ])('never returns function words or runs around them: $input', ({ input, expected }) => {
    expect(extractKeywords('', [input], 'zh')).toEqual(expected);
  });

  it.each([
    {
      name: 'a name after a preposition stays the name',
      input: ['会议强调，要以习近平新时代中国特色社会主义思想为指导。', '代表们表示，以习近平同志为核心的党中央坚强领导。', '习近平总书记的重要讲话。'],
      expected: '习近平',
      notExpected: '以习近平',
    },
    {
      name: 'a run after a number is not a word',
      input: ['2025年全国两会召开。', '2024年全国两会期间，代表们提出建议。', '2023年全国经济增长。'],
      expected: '两会',
      notExpected: '年全国',
    },
    {
      name: 'two words joined by 和 are not one keyword',
      input: ['企业面临困难和挑战。', '正视困难和挑战，坚定发展信心。', '克服困难和挑战需要勇气。'],
      expected: '困难',
      notExpected: '困难和挑战',
    },
    {
      name: 'a word may end in 地',
      input: ['征收土地五万亩。', '这些土地将用于建设。', '土地补偿标准公布。'],
      expected: '土地',
      notExpected: '',
    },
  ])('$name', ({ input, expected, notExpected }) => {
    const actual = extractKeywords('', input, 'zh');
    expectValidKeywords('', input, actual);
    expect(actual.some((keyword) => keyword.includes(expected))).toBe(true);
    if (notExpected) expect(actual).not.toContain(notExpected);
  });

  it('finds English words and phrases, shown as written', () => {
    const actual = extractKeywords(enTitle, enParagraphs, 'en');
    expectValidKeywords(enTitle, enParagraphs, actual);
    expect(actual).toContain('United Nations');
    expect(actual).toContain('Bonn');
    expect(actual.some((k) => /^climate/i.test(k))).toBe(true);
    for (const stopword of ['the', 'The', 'said', 'and']) expect(actual).not.toContain(stopword);
  });

  it.each([
    {
      input: ['The Bank of England held rates. Economists expected the Bank of England to wait.', 'Sterling rose after the Bank of England decision.'],
      expected: 'Bank of England',
    },
    {
      input: ['The Minister for Health spoke on Monday. The Minister for Health said hospitals were full.'],
      expected: 'Minister for Health',
    },
  ])('keeps a three-word name with a linking word: $expected', ({ input, expected }) => {
    const actual = extractKeywords('', input, 'en');
    expectValidKeywords('', input, actual);
    expect(actual).toContain(expected);
    for (const part of expected.split(' ')) expect(actual).not.toContain(part);
  });

  it('does not return a word and a phrase of the same word in another form', () => {
    const input = ['The city libraries will stay open. Each library gets new staff.', 'Students asked the city libraries for longer hours, and the library agreed.'];
    const actual = extractKeywords('', input, 'en');
    expectValidKeywords('', input, actual);
    const forms = actual.filter((keyword) => /librar/i.test(keyword));
    expect(forms.length).toBe(1);
  });

  it('ranks a name above a common word seen as often', () => {
    const input = ['Flooding hit Denver on Monday. The flooding closed roads in Denver.'];
    const actual = extractKeywords('', input, 'en', { limit: 1 });
    expect(actual).toEqual(['Denver']);
  });

  it('keeps Latin-script names found in Chinese text', () => {
    const input = ['iRobot发布新款扫地机器人。iRobot表示，扫地机器人销量增长。'];
    const actual = extractKeywords('', input, 'zh');
    expectValidKeywords('', input, actual);
    expect(actual).toContain('iRobot');
    // A run always followed by 人 grows into the whole word.
    expect(actual).toContain('扫地机器人');
  });

  it('gives the same results before and after other, larger articles were processed', () => {
    const before = [extractKeywords(zhTitle, zhParagraphs, 'zh'), extractKeywords('', zhTraditional, 'zh-TW'), extractKeywords(enTitle, enParagraphs, 'en')];
    extractKeywords('完全不同的标题', ['另一篇很长的文章内容。'.repeat(5000)], 'zh');
    extractKeywords('', ['短文。'], 'zh');
    const after = [extractKeywords(zhTitle, zhParagraphs, 'zh'), extractKeywords('', zhTraditional, 'zh-TW'), extractKeywords(enTitle, enParagraphs, 'en')];
    expect(after).toEqual(before);
  });

  it.each([1, 3, 5])('returns at most the limit (%i)', (limit) => {
    expect(extractKeywords(zhTitle, zhParagraphs, 'zh', { limit }).length).toBeLessThanOrEqual(limit);
  });

  it('keeps the invariants over many generated articles', () => {
    const pool = [...zhParagraphs, ...zhTraditional, ...enParagraphs, zhTitle, enTitle, 'iRobot。', '的的的了了了', 'AI AI AI'];
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let run = 0; run < 150; run++) {
      const paragraphs = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pool[Math.floor(next() * pool.length)]!);
      const title = next() < 0.5 ? pool[Math.floor(next() * pool.length)]! : '';
      for (const lang of ['zh', 'en', 'und']) expectValidKeywords(title, paragraphs, extractKeywords(title, paragraphs, lang));
    }
  });
});
