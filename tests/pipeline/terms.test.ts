import { describe, expect, it } from 'vitest';
import { extractKeywords } from '../../worker/src/pipeline/keywords';
import { summarize } from '../../worker/src/pipeline/summarize';
import { articleTerms, articleUsesHanUnits, bigramShare, hanBigrams, usesHanUnits } from '../../worker/src/pipeline/terms';

describe('articleTerms', () => {
  it('numbers each Han bigram once, in order of first occurrence, over the title and paragraphs', () => {
    const actual = articleTerms('重庆工业', ['工业增长。', '重庆工业']);
    expect(actual.text).toBe('重庆工业\n工业增长。\n重庆工业');
    expect(actual.titleLength).toBe(4);
    expect(actual.paragraphStarts).toEqual([5, 11]);
    // 重庆 0, 庆工 1, 工业 2, 业增 3, 增长 4
    expect(Array.from(actual.bigrams.at)).toEqual([0, 1, 2, -1, -1, 2, 3, 4, -1, -1, -1, 0, 1, 2, -1]);
    expect(actual.bigrams.size).toBe(5);
    expect(Array.from(actual.bigrams.count.subarray(0, 5))).toEqual([2, 2, 3, 1, 1]);
    expect(Array.from(actual.bigrams.first.subarray(0, 5))).toEqual([0, 1, 2, 6, 7]);
    expect(Array.from(actual.bigrams.positions.subarray(0, actual.bigrams.positionCount))).toEqual([0, 1, 2, 5, 6, 7, 11, 12, 13]);
    expect(actual.bigrams.repeated).toEqual([0, 1, 2]);
    // Occurrences chain from the first: 工业 at 2, 5 and 13.
    expect([actual.bigrams.first[2], actual.bigrams.next[2], actual.bigrams.next[5], actual.bigrams.next[13]]).toEqual([2, 5, 13, -1]);
  });

  it('analyses only the first maxChars characters of the paragraphs', () => {
    const actual = articleTerms('标题', ['一二三四五', '六七'], 4);
    expect(actual.paragraphs).toEqual(['一二三四']);
    expect(actual.text).toBe('标题\n一二三四');
  });

  it.each([
    { title: 'Rates rise', paragraphs: ['The Bank of England raised rates.'], lang: 'en' },
    { title: '重庆工业', paragraphs: ['上半年工业增加值同比增长8.6%。'], lang: 'zh' },
    { title: 'iPhone发布', paragraphs: ['Apple今天发布了iPhone新机型，售价不变。'], lang: 'fr' },
  ])('decides Han units as usesHanUnits does on its text ($lang)', ({ title, paragraphs, lang }) => {
    const terms = articleTerms(title, paragraphs);
    expect(articleUsesHanUnits(terms, lang)).toBe(usesHanUnits(lang, terms.text));
  });

  it('gives summarize and extractKeywords the same results as counting on their own', () => {
    const title = '雄安新区启动第二批征迁安置工作';
    const paragraphs = [
      '5月31日，雄安新区全面启动第二批征迁安置工作。容城县、雄县、安新县人民政府在54个村张贴公告。',
      '雄安新区第二批征迁安置工作任务涉及三县54个村，需搬迁安置21597人。',
      '此次征迁安置工作由雄安新区管委会统一组织，征迁安置补偿标准与第一批保持一致。',
    ];
    const terms = articleTerms(title, paragraphs);
    // Terms that stop short of the last sentence: the summarizer counts its sentences itself.
    const shortTerms = articleTerms(title, paragraphs, 20);
    const summary = summarize(paragraphs, 'zh', { title });
    expect(summarize(paragraphs, 'zh', { title, terms })).toBe(summary);
    expect(summarize(paragraphs, 'zh', { title, terms: shortTerms })).toBe(summary);
    expect(extractKeywords(title, paragraphs, 'zh', { terms })).toEqual(extractKeywords(title, paragraphs, 'zh'));
  });
});

describe('bigramShare', () => {
  it('is the share of a headline\'s Han bigrams that a text prints, and 0 for a headline with none', () => {
    const printed = new Set(hanBigrams('正值棉花播种关键期，依托北斗导航系统实现高精度直线播种。'));
    expect(bigramShare('棉花开播北斗“掌舵”', printed)).toBeCloseTo(2 / 6);
    expect(bigramShare('棉花播种', printed)).toBe(1);
    expect(bigramShare('2026', printed)).toBe(0);
  });
});
