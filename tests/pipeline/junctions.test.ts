import { describe, expect, it } from 'vitest';
import { cleanText } from '../../worker/src/pipeline/clean';
import { bracketsBalanced, Junctions } from '../../worker/src/pipeline/junctions';

describe('bracketsBalanced', () => {
  it.each([
    ['山西开展“重大项目建设年”行动（坚定信心，打开改革发展新天地）', true],
    ['为发展智算产业贡献力量（改革', false],
    ['“三新”体现在招商引资有新举措，通过培育“招商引', false],
    ['）倒过来（', false],
    ['no brackets at all', true],
  ])('says %j is balanced: %s', (input, expected) => {
    expect(bracketsBalanced(input)).toBe(expected);
  });

  it.each([
    [['为规范非遗市场不断探索（改革', '再深化）'], true],
    [['“三新”体现', '在招商引资”'], false],
    [['）倒过来', '（'], false],
    [[], true],
  ])('reads the lines %j as one text: balanced %s', (input, expected) => {
    expect(bracketsBalanced(input)).toBe(expected);
  });
});

describe('Junctions.runsOn', () => {
  const page = cleanText('通过培育“招商引资一张图”招商局面\n招商引\n资一张图\n小家电迭代升级\n随着科技的不断进步').lines;
  const junctions = new Junctions(page);

  it('sees text run on when the pair across the break stands together elsewhere on the page', () => {
    expect(junctions.runsOn('招商引', '资一张图')).toBe(true);
  });

  it('sees no run-on across a headline and the body under it', () => {
    expect(junctions.runsOn('小家电迭代升级', '随着科技的不断进步')).toBe(false);
  });

  it('judges only Chinese characters', () => {
    expect(junctions.runsOn('abc', 'def')).toBe(false);
  });

  it('answers the same when a long page asks many times', () => {
    const questions: [string, string, boolean][] = [
      ['招商引', '资一张图', true],
      ['小家电迭代升级', '随着科技的不断进步', false],
      ['通过培育', '“招商', false],
      ['招', '商', true],
      ['的不断', '进步', true],
      ['进步', '招商', false],
    ];
    const asker = new Junctions(page);
    for (let round = 0; round < 5; round++) {
      for (const [left, right, expected] of questions) expect(asker.runsOn(left, right)).toBe(expected);
    }
  });
});
