import { describe, expect, it } from 'vitest';
import type { ArticleBlock, CapturedArticle } from '../../shared/src';
import { runPipeline } from '../../worker/src/pipeline';
import { headlineWithoutSite, structuredArticle } from '../../worker/src/pipeline/structured';

const CAPTURED_AT = '2026-01-02T03:04:05.000Z';

const paragraph = (text: string): ArticleBlock => ({ kind: 'paragraph', text });

/** A long English feature: subheadings, an ALL-CAPS subhead, a photo with credit, a byline line. */
const FEATURE: CapturedArticle = {
  title: 'Harbor Town rebuilds after the storm | The Coastal Times',
  byline: 'Jane Doe',
  publishedAt: '2026-01-01T08:00:00Z',
  siteName: 'The Coastal Times',
  lang: 'en',
  blocks: [
    { kind: 'heading', level: 1, text: 'Harbor Town rebuilds after the storm' },
    paragraph('Jane Doe'),
    paragraph('HARBOR TOWN — After the storm passed, the town council met in the school gym to plan the rebuilding of the harbor.'),
    { kind: 'caption', text: 'Workers clear the pier on Monday.', credit: 'Photo: Sam Lee/Coastal Times' },
    { kind: 'heading', level: 2, text: 'The cost' },
    paragraph('Engineers put the cost of the new sea wall at twelve million dollars, which the state has agreed to share.'),
    { kind: 'heading', level: 3, text: 'US FALLS' },
    { kind: 'list-item', text: 'Repair the pier.' },
    { kind: 'list-item', text: 'Rebuild the sea wall.' },
    { kind: 'quote', text: '“We will be back by summer,” the mayor said.' },
    { kind: 'table', text: 'Item | Cost\nPier | 2 million' },
    paragraph('Write to Jane Doe at jane@example.com'),
  ],
};

const run = (article: CapturedArticle, text = article.blocks.map((block) => block.text).join('\n\n'), url?: string) =>
  runPipeline({ text, article, capturedAt: CAPTURED_AT, url });

describe('headlineWithoutSite', () => {
  it.each([
    ['Headline here | The Verge', 'The Verge', undefined, 'Headline here'],
    ['Headline here - The Verge', undefined, 'https://www.theverge.com/2026/1/1/story', 'Headline here'],
    ['Headline here — BBC News', undefined, 'https://www.bbc.co.uk/news/world-1', 'Headline here'],
    ['The Verge | Headline here', 'The Verge', undefined, 'Headline here'],
    ['重庆工业经济增长_新浪网', '新浪网', undefined, '重庆工业经济增长'],
    ['重庆工业经济增长 - 新闻 - 新浪网', '新浪网', undefined, '重庆工业经济增长 - 新闻'],
    ['锻造英雄军队--时政--人民网', '人民网', undefined, '锻造英雄军队--时政'],
    ["Pearl Oscar Dress -- STOLEN!!!", 'TMZ', undefined, 'Pearl Oscar Dress -- STOLEN!!!'],
    ['Review - Part 2', 'The Verge', 'https://www.theverge.com/x', 'Review - Part 2'],
    ['Headline here | The Verge', undefined, undefined, 'Headline here | The Verge'],
    ['Spider-Man returns - in 3D', 'The Verge', undefined, 'Spider-Man returns - in 3D'],
    ['  Headline\n here  ', undefined, undefined, 'Headline here'],
  ])('turns %j (site %j, url %j) into %j', (title, siteName, url, expected) => {
    expect(headlineWithoutSite(title, siteName, url)).toBe(expected);
  });
});

describe('structuredArticle', () => {
  it('keeps headings, captions and list items in place and the flat text beside them', () => {
    const actual = structuredArticle(FEATURE)!;
    expect(actual.title).toBe('Harbor Town rebuilds after the storm');
    expect(actual.byline).toBe('Jane Doe');
    expect(actual.blocks.map((block) => block.kind)).toEqual([
      'paragraph', 'caption', 'heading', 'paragraph', 'heading', 'list-item', 'list-item', 'quote', 'table', 'paragraph',
    ]);
    expect(actual.blocks[2]).toEqual({ kind: 'heading', level: 2, text: 'The cost' });
    expect(actual.blocks[1]).toEqual({ kind: 'caption', text: 'Workers clear the pier on Monday.', credit: 'Photo: Sam Lee/Coastal Times' });
    expect(actual.captions).toEqual(['Workers clear the pier on Monday. Photo: Sam Lee/Coastal Times']);
    expect(actual.paragraphs).toEqual([
      'HARBOR TOWN — After the storm passed, the town council met in the school gym to plan the rebuilding of the harbor.',
      'Engineers put the cost of the new sea wall at twelve million dollars, which the state has agreed to share.',
      'Repair the pier.',
      'Rebuild the sea wall.',
      '“We will be back by summer,” the mayor said.',
      'Item | Cost\nPier | 2 million',
      'Write to Jane Doe at jane@example.com',
    ]);
  });

  it('cleans each block as page text: CJK spacing goes, wrapped lines join, English spacing stays', () => {
    const actual = structuredArticle({
      title: '标题',
      blocks: [paragraph('工 业 增 加 值 较 去 年\n同 期 增 长 。'), paragraph('An inter-\nnational deal · signed'), { kind: 'heading', text: '小 标 题' }],
    })!;
    expect(actual.blocks).toEqual([
      { kind: 'paragraph', text: '工业增加值较去年同期增长。' },
      { kind: 'paragraph', text: 'An international deal · signed' },
      { kind: 'heading', level: 2, text: '小标题' },
    ]);
  });

  it('takes a short line holding the byline as the byline, and leaves a sentence naming the author in the body', () => {
    const actual = structuredArticle({
      title: 'Title',
      byline: 'Jane Doe',
      blocks: [paragraph('By Jane Doe · Published Jan. 1, 2026'), paragraph('Jane Doe wrote this story.'), paragraph('Body.')],
    })!;
    expect(actual.byline).toBe('By Jane Doe · Published Jan. 1, 2026');
    expect(actual.paragraphs).toEqual(['Jane Doe wrote this story.', 'Body.']);
  });

  it('is null when no block holds text', () => {
    expect(structuredArticle({ title: 'Title', blocks: [paragraph(' \n\u200b ')] })).toBeNull();
  });
});

describe('runPipeline with a captured article', () => {
  it('gives one article whatever subheadings, captions, bylines and closing lines the body holds', () => {
    const actual = run(FEATURE, undefined, 'https://coastal.example/story');
    expect(actual.articles).toHaveLength(1);
    const [article] = actual.articles;
    expect(article).toMatchObject({
      title: 'Harbor Town rebuilds after the storm',
      byline: 'Jane Doe',
      publishedAt: '2026-01-01T08:00:00Z',
      siteName: 'The Coastal Times',
      lang: 'en',
      url: 'https://coastal.example/story',
      capturedAt: CAPTURED_AT,
    });
    expect(article!.blocks?.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual(['The cost', 'US FALLS']);
    expect(article!.summary.length).toBeGreaterThan(0);
    expect(article!.paragraphs.join(' ')).toContain(article!.summary.split(' ').slice(0, 4).join(' '));
    expect(article!.keywords.length).toBeGreaterThan(0);
  });

  it('splits the same text when it comes without its structure', () => {
    const text = ['Harbor Town rebuilds after the storm', ...FEATURE.blocks.slice(1).map((block) => block.text)].join('\n\n');
    const withArticle = run(FEATURE, text);
    const plain = runPipeline({ text, capturedAt: CAPTURED_AT });
    expect(withArticle.articles).toHaveLength(1);
    // The text alone is the splitter's to judge; the capture's structure overrides it either way.
    expect(plain.articles.length).toBeGreaterThanOrEqual(1);
    expect(withArticle.stats).toMatchObject({ inputChars: text.length, articles: 1 });
  });

  it('invents no text and loses none: every block ends up in the article', () => {
    const [article] = run(FEATURE).articles;
    const saved = [article!.title, article!.byline, ...article!.paragraphs, ...article!.captions, ...article!.blocks!.map((block) => block.text)]
      .join(' ')
      .replace(/\s+/g, '');
    for (const block of FEATURE.blocks) expect(saved).toContain(block.text.replace(/\s+/g, ''));
    for (const block of article!.blocks!) {
      const source = FEATURE.blocks.map((b) => `${b.text}${b.credit ?? ''}`).join('').replace(/\s+/g, '');
      expect(source).toContain(block.text.replace(/\s+/g, ''));
    }
  });

  it("takes the page's title when the capture has no headline", () => {
    const actual = runPipeline({ text: 'Body text here.', title: 'Page title', capturedAt: CAPTURED_AT, article: { title: '', blocks: [paragraph('Body text here.')] } });
    expect(actual.articles.map((article) => article.title)).toEqual(['Page title']);
  });

  it('falls back to splitting the text when the captured article is empty', () => {
    const actual = runPipeline({ text: '只有一段正文，讲了一件事情。', capturedAt: CAPTURED_AT, article: { title: 'T', blocks: [paragraph('   ')] } });
    expect(actual.articles).toHaveLength(1);
    expect(actual.articles[0]!.blocks).toBeUndefined();
  });
});
