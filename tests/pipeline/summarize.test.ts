import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../worker/src/pipeline/sentences';
import { summarize, withoutDatelineLabel } from '../../worker/src/pipeline/summarize';

const nonSpaceLength = (text: string): number => text.replace(/\s/g, '').length;
const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * How many whole input sentences, in the input's order, the summary concatenates (spaces between allowed;
 * the first sentence may lack its dateline label); fails the test when it is not such a concatenation.
 */
function expectWholeSentencesInOrder(paragraphs: string[], summary: string): number {
  const inputSentences = paragraphs.flatMap(splitSentences);
  const forms = (i: number): string[] => (i === 0 ? [inputSentences[0]!, withoutDatelineLabel(inputSentences[0]!)] : [inputSentences[i]!]);
  const count = (rest: string, from: number): number => {
    if (rest.length === 0) return 0;
    for (let i = from; i < inputSentences.length; i++) {
      for (const form of forms(i)) {
        if (!rest.startsWith(form)) continue;
        const taken = count(rest.slice(form.length).trimStart(), i + 1);
        if (taken >= 0) return taken + 1;
      }
    }
    return -1;
  };
  const taken = count(summary.trim(), 0);
  expect(taken, `"${summary}" is whole sentences of ${JSON.stringify(inputSentences)} in order`).toBeGreaterThanOrEqual(summary.trim() ? 1 : 0);
  return taken;
}

const zhNews = [
  '本报讯（记者 陈元洪）7月30日，重庆市气象台发布高温橙色预警，主城区最高气温将达40摄氏度。',
  '高温天气将持续到8月上旬，市民纷纷前往金佛山、仙女山等避暑地纳凉避暑。气象专家提醒，高温期间市民应减少午后外出，注意防暑降温。',
  '据了解，今年入夏以来，重庆已出现15个高温日，较常年偏多。（原题为《重庆发布高温预警》）',
];
const zhTraditional = [
  '香港天文台今日發出酷熱天氣警告，預料市區氣溫高達三十四度。天文台提醒市民，在戶外工作或活動時應避免過度勞累，並多喝水。',
  '天文台表示，酷熱天氣將持續至週末，下週初一股熱帶氣旋可能為香港帶來驟雨。',
];
const enNews = [
  'Negotiators at the climate talks in Bonn failed on Friday to agree on a draft text for the next summit. The talks will resume in November.',
  'Climate finance remained the main obstacle, delegates said, with poorer countries asking for more money to adapt to rising seas. Richer countries said their budgets were stretched.',
  '(Reporting by Jane Doe; Editing by John Roe)',
];

describe('withoutDatelineLabel', () => {
  it.each([
    { input: '本报讯（记者 陈元洪）7月30日，市政协举行集体学习。', expected: '7月30日，市政协举行集体学习。' },
    { input: '本報訊（記者 陳元洪）7月30日，市政協舉行集體學習。', expected: '7月30日，市政協舉行集體學習。' },
    { input: '据新重庆-重庆日报讯7月30日，记者从市经济信息委获悉。', expected: '7月30日，记者从市经济信息委获悉。' },
    { input: '新华社北京2月28日电（记者 张三）2月28日，中宣部召开会议。', expected: '2月28日，中宣部召开会议。' },
    { input: 'LONDON (Reuters) - The Bank of England held rates on Thursday.', expected: 'The Bank of England held rates on Thursday.' },
    { input: '(CNN) -- A man was arrested on Monday in Ohio.', expected: 'A man was arrested on Monday in Ohio.' },
    { input: '据了解，今年入夏以来重庆已出现15个高温日。', expected: '据了解，今年入夏以来重庆已出现15个高温日。' },
    { input: '本报记者走访发现，市场很热闹。', expected: '本报记者走访发现，市场很热闹。' },
    { input: '本报讯（记者 陈元洪）很短。', expected: '本报讯（记者 陈元洪）很短。' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(withoutDatelineLabel(input)).toBe(expected);
  });
});

describe('summarize', () => {
  it.each([
    { input: [], expected: '' },
    { input: [''], expected: '' },
    { input: ['   ', '\u3000'], expected: '' },
  ])('returns an empty summary for empty input ($input)', ({ input, expected }) => {
    expect(summarize(input, 'zh')).toBe(expected);
  });

  it.each([
    { options: { maxSentences: 0 }, expected: '' },
    { options: { maxChars: 0 }, expected: '' },
  ])('returns an empty summary when the options allow none ($options)', ({ options, expected }) => {
    expect(summarize(['只有一句话。'], 'zh', options)).toBe(expected);
  });

  it.each([
    { input: ['只有一句话。'], lang: 'zh', expected: '只有一句话。' },
    { input: ['Just one sentence here.'], lang: 'en', expected: 'Just one sentence here.' },
    { input: ['没有句号的一行'], lang: 'zh', expected: '没有句号的一行' },
  ])('returns a lone sentence whole: $expected', ({ input, lang, expected }) => {
    expect(summarize(input, lang)).toBe(expected);
  });

  it.each([
    { name: 'Simplified Chinese news', input: zhNews, lang: 'zh' },
    { name: 'Traditional Chinese news', input: zhTraditional, lang: 'zh-TW' },
    { name: 'Chinese with an undetermined language', input: zhNews, lang: 'und' },
    { name: 'English news', input: enNews, lang: 'en' },
  ])('takes 1-3 whole sentences in order, within the limit: $name', ({ input, lang }) => {
    const actual = summarize(input, lang);
    const taken = expectWholeSentencesInOrder(input, actual);
    expect(taken).toBeGreaterThanOrEqual(1);
    expect(taken).toBeLessThanOrEqual(3);
    if (lang === 'en') expect(wordCount(actual)).toBeLessThanOrEqual(60);
    else expect(nonSpaceLength(actual)).toBeLessThanOrEqual(120);
  });

  it.each([
    { name: 'Chinese text labelled English', input: zhNews, lang: 'en', unit: 'chars' },
    { name: 'English text labelled Chinese', input: enNews, lang: 'zh', unit: 'words' },
    { name: 'Japanese', input: ['東京都は今日、新しい公園を開いた。公園には多くの市民が訪れた。都の担当者は、来年も公園を増やす計画だと話した。'], lang: 'ja', unit: 'chars' },
  ])('measures length by what the text is, not only by its label: $name', ({ input, lang, unit }) => {
    const actual = summarize(input, lang, { maxChars: 40, maxWords: 25 });
    expect(actual.length).toBeGreaterThan(0);
    expectWholeSentencesInOrder(input, actual);
    if (unit === 'chars') expect(nonSpaceLength(actual)).toBeLessThanOrEqual(40);
    else expect(wordCount(actual)).toBeLessThanOrEqual(25);
  });

  it('starts a news story with its lead, without the dateline label, and leaves out the editor’s note', () => {
    const actual = summarize(zhNews, 'zh');
    expect(actual.startsWith('7月30日，重庆市气象台发布高温橙色预警')).toBe(true);
    expect(zhNews[0]!.endsWith(splitSentences(actual)[0]!)).toBe(true);
    expect(actual).not.toContain('本报讯');
    expect(actual).not.toContain('原题为');
  });

  it('leaves out the English credit line and joins sentences with a space', () => {
    const actual = summarize(enNews, 'en');
    expect(actual.startsWith('Negotiators at the climate talks')).toBe(true);
    expect(actual).not.toContain('Reporting by');
    expect(actual).not.toMatch(/\.\S/);
  });

  it.each([
    { maxChars: 20, expected: '短句也能成为摘要。' },
    { maxChars: 200, expected: null },
  ])('respects maxChars $maxChars', ({ maxChars, expected }) => {
    const input = ['这是一个非常长的句子，它包含很多的内容和细节，足足超过了二十个字符的限制。短句也能成为摘要。另一个也相当长的句子，同样超过二十个字符的限制长度。'];
    const actual = summarize(input, 'zh', { maxChars });
    if (expected !== null) expect(actual).toBe(expected);
    expect(nonSpaceLength(actual)).toBeLessThanOrEqual(maxChars);
  });

  it('returns one whole sentence over the limit, never a cut one, when no sentence fits', () => {
    const long = `${'很长的句子'.repeat(30)}。`;
    const longer = `${'更长的一个句子'.repeat(30)}。`;
    const input = [longer + long];
    const actual = summarize(input, 'zh');
    // The shortest of the best sentences, whole.
    expect(actual).toBe(long);
  });

  it.each([
    { name: 'a Chinese run-on text with no sentence end', input: ['没有标点的长文本'.repeat(200)], lang: 'zh' },
    { name: 'an English run-on text', input: [`${'words without any full stop '.repeat(100)}end`], lang: 'en' },
  ])('returns no summary rather than a cut one or a wall of text: $name', ({ input, lang }) => {
    expect(summarize(input, lang)).toBe('');
  });

  it('takes whole sentences from a text far longer than the analysis cap', () => {
    const sentence = '这是一个普通的新闻句子，讲述城市的变化。';
    const input = [sentence.repeat(5000), `${'无句号'.repeat(20000)}`];
    const actual = summarize(input, 'zh');
    expect(actual.startsWith(sentence)).toBe(true);
    expectWholeSentencesInOrder(input, actual);
    expect(nonSpaceLength(actual)).toBeLessThanOrEqual(120);
  });

  it('never returns a sentence cut by the analysis cap', () => {
    const input = [`${'甲'.repeat(29_990)}。${'乙'.repeat(100)}。`];
    const actual = summarize(input, 'zh');
    expect(actual).toBe('');
  });

  it('gives the same results before and after other, larger articles were processed', () => {
    const before = [summarize(zhNews, 'zh'), summarize(enNews, 'en'), summarize(zhTraditional, 'zh-TW', { title: '酷熱天氣警告' })];
    summarize([`${'不同的句子内容。'.repeat(3000)}`], 'zh', { title: '完全不同的标题' });
    summarize(['Another text. With other words entirely.'], 'en');
    const after = [summarize(zhNews, 'zh'), summarize(enNews, 'en'), summarize(zhTraditional, 'zh-TW', { title: '酷熱天氣警告' })];
    expect(after).toEqual(before);
  });

  it('respects maxWords for English', () => {
    const input = ['The river flooded the old town on Monday. Residents were moved to the school gym overnight. Officials said the water would recede by Friday, but more rain is forecast for the weekend across the whole region.'];
    const actual = summarize(input, 'en', { maxWords: 20 });
    expect(wordCount(actual)).toBeLessThanOrEqual(20);
    expectWholeSentencesInOrder(input, actual);
  });

  it('prefers sentences that share the title’s terms', () => {
    const input = ['天气晴朗，市民出游。', '地铁五号线今日开通运营，全长三十公里。', '公园里游人如织，十分热闹。'];
    const withTitle = summarize(input, 'zh', { title: '地铁五号线开通', maxSentences: 1 });
    expect(withTitle).toBe('地铁五号线今日开通运营，全长三十公里。');
  });

  it('still adds a second sentence when the title lifts the first far above it', () => {
    const input = [
      'The Bank of England held interest rates at 5.25% on Thursday, as policymakers weighed cooling inflation against a tight labour market.',
      'Governor Andrew Bailey said the bank needed more evidence that price pressures were easing before cutting rates.',
      'Sterling rose after the decision.',
    ];
    const actual = summarize(input, 'en', { title: 'Bank of England holds interest rates at 5.25%' });
    expect(expectWholeSentencesInOrder(input, actual)).toBeGreaterThanOrEqual(2);
    expect(actual.startsWith(input[0]!)).toBe(true);
  });

  it.each([
    {
      name: 'a sentence opening with a connective',
      input: ['此外，该市还将新建三座公园和两条绿道。', '该市宣布将新建三座公园，方便市民休闲。', '天气晴好。'],
    },
    {
      name: 'a numbered list item',
      input: ['1、该市将新建三座公园和两条绿道。', '该市宣布将新建三座公园，方便市民休闲。', '天气晴好。'],
    },
    {
      name: 'an English sentence opening with However',
      input: ['However, the city will build three new parks and two trails.', 'The city announced three new parks for residents.', 'It was sunny.'],
    },
  ])('prefers a self-contained statement over $name', ({ input }) => {
    const lang = /[a-z]/.test(input[0]!) ? 'en' : 'zh';
    const actual = summarize(input, lang, { maxSentences: 1 });
    expect(actual).toBe(input[1]);
  });

  it.each([
    { continuation: 0, expected: '新城公园今天正式开放，市民可以免费入园游览。记者看到，新城公园的湖边游人如织，市民纷纷入园游览。' },
    { continuation: 1, expected: '新城公园今天正式开放，市民可以免费入园游览。园内建有湖泊、步道和儿童乐园，周末还将举办音乐会。' },
  ])('favours the sentence right after a chosen one by the continuation weight ($continuation)', ({ continuation, expected }) => {
    const input = [
      '新城公园今天正式开放，市民可以免费入园游览。',
      '园内建有湖泊、步道和儿童乐园，周末还将举办音乐会。',
      '附近的地铁站也将在下月开通。',
      '天气预报显示本周多云。',
      '记者看到，新城公园的湖边游人如织，市民纷纷入园游览。',
    ];
    // Position nearly off, redundancy and the stopping rule off: centrality and continuation decide.
    const weights = { continuation, position: 0.1, redundancy: 0, minShare: 0 };
    expect(summarize(input, 'zh', { maxSentences: 2, weights })).toBe(expected);
  });

  it('is deterministic', () => {
    expect(summarize(zhNews, 'zh')).toBe(summarize([...zhNews], 'zh'));
  });

  it('keeps the invariants over many generated articles', () => {
    const pool = [
      ...zhNews.flatMap(splitSentences),
      ...zhTraditional.flatMap(splitSentences),
      '很短。',
      `${'超长的句子'.repeat(40)}。`,
      '“引号里的一句话。”',
      '列表如下：',
    ];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let run = 0; run < 200; run++) {
      const paragraphs = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 4) }, () => pool[Math.floor(next() * pool.length)]).join(''),
      );
      const actual = summarize(paragraphs, 'zh');
      expect(actual.length).toBeGreaterThan(0);
      const taken = expectWholeSentencesInOrder(paragraphs, actual);
      expect(taken).toBeLessThanOrEqual(3);
      if (taken > 1) expect(nonSpaceLength(actual)).toBeLessThanOrEqual(120);
      const fits = paragraphs.flatMap(splitSentences).some((sentence) => nonSpaceLength(sentence) <= 120);
      if (fits) expect(nonSpaceLength(actual)).toBeLessThanOrEqual(120);
    }
  });
});
