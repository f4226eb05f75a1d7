// Line classification on small literal pages: the kind of each line, and the helpers the
// splitter shares with it.
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../worker/src/pipeline/clean';
import { layoutOf } from '../../worker/src/pipeline/layout';
import { classifyLines, finishedAt, hasClauseMark, type Kind } from '../../worker/src/pipeline/classify';

const kindsOf = (page: string[]): Kind[] => {
  const { lines } = cleanText(page.join('\n'));
  return classifyLines(lines, layoutOf(lines));
};

// A column of body text wrapped at 13 characters, as an e-paper PDF copy comes out.
const COLUMN = [
  '全国人大代表伍映方来到竹刻',
  '工作室，了解非遗竹刻技艺的',
  '传承情况。伍映方说，非遗竹',
  '刻需要更多年轻人传承，今年',
  '她打算提交一份关于加强非遗',
  '技艺传承与保护的建议。',
];

describe('classifyLines: column text', () => {
  it('reads a headline and byline above the column, and the column as body', () => {
    const actual = kindsOf(['为规范非遗市场不断探索', '', '本报记者 朱磊', '', ...COLUMN]);
    expect(actual).toEqual(['heading', 'blank', 'byline', 'blank', ...COLUMN.map(() => 'body')]);
  });

  it('keeps a byline-shaped line that goes on with an unfinished sentence as body', () => {
    const input = ['为规范非遗市场不断探索', '', ...COLUMN.slice(0, 5), '本报记者 朱磊', '技艺传承与保护的建议。'];
    const actual = kindsOf(input);
    expect(actual[7]).toBe('body');
    expect(actual[0]).toBe('heading');
  });

  it('marks a running head after a finished paragraph as furniture', () => {
    const actual = kindsOf([...COLUMN, '重庆日报 7月12日', ...COLUMN]);
    expect(actual[COLUMN.length]).toBe('chrome');
    expect(actual.filter((kind) => kind === 'chrome')).toHaveLength(1);
  });

  it('marks a short block ending in a photo credit as a caption', () => {
    const actual = kindsOf([...COLUMN, '', '市民在人防工程纳凉点休息。 记者 柯俊彬 摄', '', ...COLUMN]);
    expect(actual[COLUMN.length + 1]).toBe('caption');
  });
});

describe('finishedAt', () => {
  it.each([
    [['需求旺盛。'], true],
    [['需求旺盛，'], false],
    [['扬善的利剑永不蒙尘。（记者 赵'], false],
    [['扬善的利剑永不蒙尘。（记者 赵', '成）'], true],
    [['仍在（改革', '中）'], false],
  ])('says the last of %j ends a sentence: %s', (input, expected) => {
    const { lines } = cleanText(input.join('\n'));
    expect(finishedAt(lines, lines.length - 1)).toBe(expected);
  });
});

describe('hasClauseMark', () => {
  it.each([
    ['春笋香椿上桌，江南人的咬春时节', true],
    ['为规范非遗市场不断探索（改革，再深化）', false],
    ['“三进三新”显效', false],
    ['《关于加强非遗技艺传承与保护的建议》', false],
    ['（一）（二），', true],
    ['plain title', false],
  ])('says %j has a clause mark outside brackets: %s', (input, expected) => {
    expect(hasClauseMark(input)).toBe(expected);
  });
});
