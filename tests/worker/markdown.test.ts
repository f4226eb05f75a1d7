import { describe, expect, it } from 'vitest';
import type { Article } from '../../shared/src';
import { articleToMarkdown } from '../../worker/src/lib/markdown';
import { structuredArticle } from '../fixtures/structured-article';

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
  keywords: ['工业', '增加值'],
  lang: 'zh',
  url: 'https://example.com/page?a=1&b=2',
  capturedAt: '2024-07-30T08:00:00.000Z',
  createdAt: '2024-07-30T08:00:01.000Z',
};

const english: Article = { ...structuredArticle, kicker: undefined, dateline: undefined };

describe('articleToMarkdown', () => {
  it('writes kicker, title, subtitle, credit, summary, keywords, paragraphs, numbered captions and the source, labelled in Chinese', () => {
    expect(articleToMarkdown(article)).toMatchInlineSnapshot(`
      "**政协谈**

      # 上半年工业增加值增长8.6%

      *“三进三新”特点明显*

      本报记者 王明 · 7月30日

      **摘要**：工业增加值增长

      **关键词**：工业、增加值

      今年上半年，全市规上工业增加值同比增长8.6%。

      1\\. 不是列表

      \\# 不是标题

      *图1　图为生产线。 记者 李华 摄*

      ---

      来源：<https://example.com/page?a=1&b=2>（保存于 2024-07-30 08:00 UTC）
      "
    `);
  });

  it('writes the body blocks in order, section headings from ##, a list as one list, captions with their credits, in English', () => {
    expect(articleToMarkdown(english)).toMatchInlineSnapshot(`
      "# A cooler city, block by block

      *Shade, water and white roofs*

      By Ann Lee · 2024-07-29

      **Summary**: The city cools its streets with shade and water.

      **Keywords**: heat, roofs, shade

      First paragraph.

      ## Where the heat collects

      - A listed point.
      - Another point.

      *Figure 1. Workers paint a roof white.* Photo: Li Hua

      ### What it costs

      > A quoted line.

      \`\`\`
      Row 1	Row 2
      \`\`\`

      Last paragraph.

      ---

      Source: City News <https://example.com/page?a=1&b=2> (captured 2024-07-30 08:00 UTC)
      "
    `);
  });

  it('labels a Traditional Chinese article in Traditional characters', () => {
    const actual = articleToMarkdown({ ...article, lang: 'zh-Hant' });
    expect(actual).toContain('**關鍵詞**：');
    expect(actual).toContain('來源：<https://example.com/page?a=1&b=2>（保存於 ');
  });

  it('leaves out the parts an article does not have', () => {
    const input: Article = { ...article, kicker: undefined, subtitle: undefined, byline: undefined, dateline: undefined, summary: '', keywords: [], captions: [], url: undefined };
    const actual = articleToMarkdown(input);
    expect(actual.startsWith('# 上半年')).toBe(true);
    expect(actual).not.toContain('##');
    expect(actual).not.toContain('*');
    expect(actual).not.toContain('摘要');
    expect(actual.trimEnd().endsWith('保存于 2024-07-30 08:00 UTC')).toBe(true);
  });

  it('keeps markup in the text from becoming Markdown, in headings, list items and captions too', () => {
    const actual = articleToMarkdown({
      ...english,
      blocks: [
        { kind: 'heading', text: '*loud* [link](x)', level: 2 },
        { kind: 'list-item', text: '# not a heading' },
        { kind: 'caption', text: '_under_', credit: '<b>me</b>' },
        { kind: 'table', text: 'a ``` b' },
      ],
    });
    expect(actual).toContain('## \\*loud\\* \\[link\\](x)');
    expect(actual).toContain('- \\# not a heading');
    expect(actual).toContain('*Figure 1. \\_under\\_* \\<b\\>me\\</b\\>');
    expect(actual).toContain('````\na ``` b\n````');
  });
});
