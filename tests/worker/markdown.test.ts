import { describe, expect, it } from 'vitest';
import type { Article } from '../../shared/src';
import { articleToMarkdown } from '../../worker/src/lib/markdown';

const article: Article = {
  id: '2h6qg1dr0b-0123456789abcdef0123-000',
  captureId: '0123456789abcdef0123',
  kicker: '政协谈',
  title: '上半年工业增加值增长8.6%',
  subtitle: '“三进三新”特点明显',
  byline: '本报记者 王明',
  dateline: '7月30日',
  paragraphs: ['今年上半年，全市规上工业增加值同比增长8.6%。', '1. 不是列表', '# 不是标题'],
  captions: ['图为生产线。 记者 李华 摄'],
  summary: '工业增加值增长',
  keywords: ['工业'],
  lang: 'zh',
  url: 'https://example.com/page?a=1&b=2',
  capturedAt: '2024-07-30T08:00:00.000Z',
  createdAt: '2024-07-30T08:00:01.000Z',
};

describe('articleToMarkdown', () => {
  it('writes kicker, title, subtitle, credit, paragraphs, italic captions and the source', () => {
    expect(articleToMarkdown(article)).toMatchInlineSnapshot(`
      "**政协谈**

      # 上半年工业增加值增长8.6%

      ## “三进三新”特点明显

      本报记者 王明 · 7月30日

      今年上半年，全市规上工业增加值同比增长8.6%。

      1\\. 不是列表

      \\# 不是标题

      *图为生产线。 记者 李华 摄*

      ---

      Source: <https://example.com/page?a=1&b=2> (captured 2024-07-30T08:00:00.000Z)
      "
    `);
  });

  it('leaves out the parts an article does not have', () => {
    const input: Article = { ...article, kicker: undefined, subtitle: undefined, byline: undefined, dateline: undefined, captions: [], url: undefined };
    const actual = articleToMarkdown(input);
    expect(actual.startsWith('# 上半年')).toBe(true);
    expect(actual).not.toContain('##');
    expect(actual).not.toContain('*');
    expect(actual.trimEnd().endsWith('Source: captured 2024-07-30T08:00:00.000Z')).toBe(true);
  });
});
