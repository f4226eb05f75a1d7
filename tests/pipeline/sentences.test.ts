import { describe, expect, it } from 'vitest';
import { sentenceSpans, splitSentences } from '../../worker/src/pipeline/sentences';

describe('splitSentences', () => {
  it.each([
    { input: '', expected: [] },
    { input: '   ', expected: [] },
    { input: '今天下雨。明天放晴！后天呢？', expected: ['今天下雨。', '明天放晴！', '后天呢？'] },
    { input: '他说：“我们走吧。”大家都笑了。', expected: ['他说：“我们走吧。”', '大家都笑了。'] },
    { input: '真的吗？！当然。', expected: ['真的吗？！', '当然。'] },
    { input: '增长5.01万亿元。5.日常活动有风险。', expected: ['增长5.01万亿元。', '5.日常活动有风险。'] },
    { input: '品牌YES!IC很受欢迎。太好了!我们走', expected: ['品牌YES!IC很受欢迎。', '太好了!', '我们走'] },
    { input: '這是繁體中文。「好嗎？」他問。', expected: ['這是繁體中文。', '「好嗎？」', '他問。'] },
    { input: '第一行没有句号\n第二行', expected: ['第一行没有句号', '第二行'] },
    { input: 'It rained. Then it stopped!  Why? Nobody knows', expected: ['It rained.', 'Then it stopped!', 'Why?', 'Nobody knows'] },
    { input: 'Mr. Smith met Dr. Jones at 3.30 p.m. on Monday. They talked.', expected: ['Mr. Smith met Dr. Jones at 3.30 p.m. on Monday.', 'They talked.'] },
    { input: 'J. K. Rowling wrote it. The U.S. economy grew 2.5% in 2024.', expected: ['J. K. Rowling wrote it.', 'The U.S. economy grew 2.5% in 2024.'] },
    { input: 'She said "Stop." He stopped.', expected: ['She said "Stop."', 'He stopped.'] },
    { input: 'Visit example.com today. ok', expected: ['Visit example.com today. ok'] },
    { input: 'He lives at No. 10 Downing Street. I said no. Then I left.', expected: ['He lives at No. 10 Downing Street.', 'I said no.', 'Then I left.'] },
  ])('splits $input', ({ input, expected }) => {
    const actual = splitSentences(input);
    expect(actual).toEqual(expected);
  });

  it.each([
    '本报讯（记者 陈元洪）7月30日，重庆发布高温预警。市民纷纷前往避暑地。“太热了！”一位市民说。',
    'Prices rose 3.2% in May, the U.S. Labor Dept. said. Analysts were surprised... Were they? Yes!',
    '。。。！！？？',
    'no punctuation at all but a very long line '.repeat(50),
  ])('keeps every non-space character, in order, as verbatim slices (%#)', (input) => {
    const actual = splitSentences(input);
    expect(actual.join('').replace(/\s/g, '')).toBe(input.replace(/\s/g, ''));
    for (const sentence of actual) {
      expect(input).toContain(sentence);
      expect(sentence).toBe(sentence.trim());
    }
  });
});

describe('sentenceSpans', () => {
  it.each([
    { input: '', expected: [] },
    { input: '今天下雨。 明天放晴！\n后天', expected: [0, 5, 6, 11, 12, 14] },
    { input: '  It rained.  Then ', expected: [2, 12, 14, 18] },
    { input: '他说：“好。”\u3000走吧', expected: [0, 7, 8, 10] },
  ])('finds $input at $expected', ({ input, expected }) => {
    const actual = sentenceSpans(input);
    expect(actual).toEqual(expected);
  });
});
