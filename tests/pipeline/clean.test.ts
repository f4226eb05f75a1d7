import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, normalizeText } from '../../worker/src/pipeline/clean';
import { collapseSpaces, displayWidth, endsSentence, joinLines } from '../../worker/src/pipeline/text';

describe('collapseSpaces', () => {
  it.each([
    ['工 业 增 加 值 较 去 年', '工业增加值较去年'],
    ['7 月 30 日，记者从市经济信息', '7月30日，记者从市经济信息'],
    ['同比增长 8.6%，排', '同比增长8.6%，排'],
    ['提高 5.1 和 2 个 百 分 点 ；', '提高5.1和2个百分点；'],
    ['“ 两 个 确 立 ”', '“两个确立”'],
    ['The  quick brown   fox', 'The quick brown fox'],
    ['iPhone 15 Pro', 'iPhone 15 Pro'],
    ['\u3000\u3000本报讯（记者 陈元洪）', '本报讯（记者陈元洪）'],
    ['A \u3000 B', 'A\u3000B'],
    ['a\u00a0b', 'a\u00a0b'],
    ['a\t\u00a0b', 'a b'],
    ['中 \u3000 b', '中b'],
    // English keeps its spaces around the marks it shares with Chinese; Chinese text loses them.
    ['Staff Writer · Published 3:01 p.m.', 'Staff Writer · Published 3:01 p.m.'],
    ['HARBOR TOWN — After the storm', 'HARBOR TOWN — After the storm'],
    ['Election results | The Daily News', 'Election results | The Daily News'],
    ['wait — “ this ” is it', 'wait — “ this ” is it'],
    ['他说 —— 这 是', '他说——这是'],
    ['“ 两 个 确 立 ” 是', '“两个确立”是'],
    ['记 者 · 王 五', '记者·王五'],
    ['中 国 … …', '中国……'],
    ['Reuters · 新华社', 'Reuters·新华社'],
  ])('turns %j into %j', (input, expected) => {
    expect(collapseSpaces(input)).toBe(expected);
  });
});

describe('displayWidth', () => {
  it.each([
    ['市政协党组', 5],
    ['2024', 2],
    ['增长 8.6%', 4],
    ['“三进三新”显效', 8],
    ['', 0],
    ['😀a', 1.5],
  ])('measures %j as %d em', (input, expected) => {
    expect(displayWidth(input)).toBe(expected);
  });
});

describe('endsSentence', () => {
  it.each([
    ['努力实现工业经济“全年红”。', true],
    ['会不会影响健康？', true],
    ['扬善的利剑永不蒙尘。（记者赵成）', true],
    ['It closed on Friday.', true],
    ['市政协党组理论学', false],
    ['记者从市经济信息', false],
    ['做好产业链“补链强链”、', false],
    ['The U.S.', false],
  ])('says %j ends a sentence: %s', (input, expected) => {
    expect(endsSentence(input)).toBe(expected);
  });

  it('looks only at the end of a long paragraph', () => {
    const input = '字'.repeat(100_000) + '。';
    expect(endsSentence(input)).toBe(true);
  });
});

describe('joinLines', () => {
  it.each([
    ['记者从市经济信息', '委获悉，今年', '记者从市经济信息委获悉，今年'],
    ['The council voted', 'on Tuesday', 'The council voted on Tuesday'],
    ['an inter-', 'national deal', 'an international deal'],
    ['', '首行', '首行'],
  ])('joins %j and %j', (left, right, expected) => {
    expect(joinLines(left, right)).toBe(expected);
  });
});

describe('normalizeText', () => {
  it('unifies line endings and drops invisible characters', () => {
    const input = '第一行\r\n第二\u200b行\r第三行\u0000\ufeff\f第四行';
    expect(normalizeText(input)).toBe('第一行\n第二行\n第三行\n第四行');
  });

  it('drops lone surrogates but keeps paired ones', () => {
    const input = 'a\ud800b😀c\udc00';
    expect(normalizeText(input)).toBe('ab😀c');
  });
});

describe('cleanLine', () => {
  it('keeps the raw line for its spacing and marks justified and indented lines', () => {
    const actual = cleanLine('  工 业 增 加 值 较 去 年 同 期');
    expect(actual).toEqual({ text: '工业增加值较去年同期', raw: '工 业 增 加 值 较 去 年 同 期', width: 10, gaps: 9, indented: true, endsSentence: false });
  });

  it('measures a line without spaces as it is and records whether it ends a sentence', () => {
    const actual = cleanLine('\u3000\u3000会不会影响健康？');
    expect(actual).toEqual({ text: '会不会影响健康？', raw: '会不会影响健康？', width: 8, gaps: 0, indented: true, endsSentence: true });
  });

  it('keeps Latin spacing and measures the collapsed text', () => {
    const actual = cleanLine('iPhone 15  Pro 发布');
    expect(actual).toMatchObject({ text: 'iPhone 15 Pro发布', width: 7.5, gaps: 0, indented: false });
  });
});

describe('cleanText', () => {
  it('counts blank-line separated blocks and keeps one entry per line', () => {
    const actual = cleanText('标题\n\n第一段\n第一段续\n\n\n第二段\n');
    expect(actual.blocks).toBe(3);
    expect(actual.lines.map((line) => line.text)).toEqual(['标题', '', '第一段', '第一段续', '', '', '第二段', '']);
  });

  it('parts a line where a reader joined one text\'s last sentence and another\'s dateline', () => {
    const joined = cleanText('筑牢缅中同甘共苦的命运共同体。 新华社北京4月10日电 应全国人大常委会委员长赵乐际邀请\n');
    expect(joined.lines.map((line) => line.text)).toEqual(['筑牢缅中同甘共苦的命运共同体。', '新华社北京4月10日电应全国人大常委会委员长赵乐际邀请', '']);
    // A credit after a caption's full stop is no dateline: the line stays whole.
    expect(cleanText('发展壮大新兴产业。 记者 孙佳怡 摄').lines).toHaveLength(1);
  });
});
