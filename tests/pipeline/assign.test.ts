// Which body segment each headline goes to (split/assign.ts), on small literal column copies.
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../worker/src/pipeline/clean';
import { splitArticles } from '../../worker/src/pipeline/split';
import type { ArticleParts } from '../../worker/src/pipeline/split';

const split = (page: string): ArticleParts[] => splitArticles(cleanText(page).lines);
const titles = (articles: ArticleParts[]) => articles.map((article) => article.title);

describe('headlines to segments', () => {
  it('lets the text under a photo caption go on with the story above, rather than shift every section heading under it up one segment', () => {
    // Each section heading's words are in the text on both sides of it; the text under the photo
    // has no headline between it and the story's opening.
    const input = [
      '临泽县节水记',
      '',
      '本报记者 曾亦辰',
      '',
      '临泽县年均降水量不到全国平均水',
      '平的一半，节水是摆在全县面前的',
      '现实要求。',
      '',
      '村民在田间查看墒情。曾亦辰摄',
      '',
      '近年来，临泽县施行用水考核办法，',
      '用水指标怎么定，要精打细算，以考',
      '核促节水，改变就此展开。',
      '',
      '指标怎么定',
      '',
      '用水指标怎么定？精确分配到7个镇，',
      '一地一策，考核越精准，节水就越有',
      '效。',
      '',
      '效果怎么样',
      '持续推进，带来新收益',
      '',
      '地下水位回升，泉眼重新冒水，怎么',
      '看都是好事，村民算的节水账越来越',
      '明白。',
      '',
      '纳凉点开放',
      '',
      '本报讯（记者 陈元洪）入伏后，为满足广',
      '大市民避暑纳凉需求，我市11个区的39处',
      '人防工程纳凉点已有序向群众免费开放。',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)[0]).toBe('临泽县节水记');
    expect(titles(actual)).not.toContain('指标怎么定');
    expect(actual[0]!.paragraphs[1]).toMatch(/^近年来，临泽县施行用水考核办法/);
    expect(titles(actual)).toContain('纳凉点开放');
  });
});
