import { describe, expect, it } from 'vitest';
import { articleBlocks, blockTexts, chooseCaptureText, headlineOf, isLaidOutInLines, isPdfDocument } from '../../extension/utils/capture-text';
import { ePaperPage as seedEPaperPage, readSeedPage, singleArticlePage } from '../e2e/harness/test-pages';
import { seedArticles } from '../e2e/harness/two-column-pdf';
import { documentFrom, renderedText } from './dom';

const paragraph = (sentence: string, times: number) => `<p>${Array.from({ length: times }, () => sentence).join('')}</p>`;

const SITE_CHROME = `
  <header><nav><a href="/">首页</a> <a href="/politics">时政</a> <a href="/economy">经济频道导航</a> <a href="/sports">体育</a></nav></header>
  <aside class="ad">广告：夏季大促销，点击领取优惠券！</aside>`;

const SINGLE_ARTICLE_PAGE = `<!doctype html><html lang="zh-CN"><head><title>上半年重庆工业经济增加值同比增长 8.6% - 新闻网</title></head><body>
  ${SITE_CHROME}
  <main><article>
    <h1>上半年重庆工业经济增加值同比增长 8.6%</h1>
    <p class="byline">记者 柯俊彬</p>
    ${paragraph('今年上半年全市规上工业增加值同比增长百分之八点六，排名全国第五位，工业经济发展呈现三进三新特点。', 3)}
    ${paragraph('市经济信息委负责人表示，下半年将聚焦重点大区、重点行业、重点问题精准开展调度，做好产业链补链强链工作。', 3)}
    ${paragraph('数实融合顺势进位，通过迭代升级产业大脑加未来工厂数字经济系统，推动实施数字化改造项目二百五十六个。', 3)}
  </article></main>
  <section class="comments"><h3>网友评论</h3><p>写得好！</p><p>支持重庆制造。</p></section>
  <footer>版权所有 新闻网 联系我们</footer>
</body></html>`;

/** An e-paper page: the printed page's text in short lines, several articles one after another. */
function ePaperPage(lines: string[]): string {
  return `<!doctype html><html><head><title>重庆日报 第3版</title></head><body>
    <nav>第01版 要闻 第02版 要闻 第03版 综合</nav>
    <main><div class="page-text">${lines.join('<br>')}</div></main>
  </body></html>`;
}

const E_PAPER_LINES = Array.from({ length: 60 }, (_, index) =>
  index % 15 === 0 ? `第${index / 15 + 1}篇文章标题` : `这是报纸版面上的第${index}行文字，很短`,
);

describe('chooseCaptureText', () => {
  it('returns the selection when the user selected text', () => {
    const input = documentFrom(SINGLE_ARTICLE_PAGE);
    const actual = chooseCaptureText(input, { selectionText: '  选中的\n两行文字  ', readText: renderedText });
    expect(actual).toEqual({ text: '选中的\n两行文字', headline: '选中的', source: 'selection', method: 'selection' });
  });

  it('returns the single article without navigation, ads and comments', () => {
    const input = documentFrom(SINGLE_ARTICLE_PAGE);
    const actual = chooseCaptureText(input, { selectionText: '', readText: renderedText });
    expect(actual.method).toBe('readability');
    expect(actual.source).toBe('page');
    expect(actual.text).toContain('今年上半年全市规上工业增加值同比增长');
    expect(actual.text).toContain('下半年将聚焦重点大区');
    expect(actual.text).not.toContain('经济频道导航');
    expect(actual.text).not.toContain('优惠券');
    expect(actual.text).not.toContain('支持重庆制造');
    // Headline, byline, then paragraphs separated by blank lines; the site name is not in the headline.
    const blocks = actual.text.split('\n\n');
    expect(blocks.slice(0, 2)).toEqual(['上半年重庆工业经济增加值同比增长 8.6%', '记者 柯俊彬']);
    expect(blocks).toHaveLength(5);
  });

  it('finds a short Chinese article (one paragraph) amid navigation, ads and comments', () => {
    const [, article] = seedArticles(['commentary', 'cooling-spots']);
    const input = documentFrom(String(singleArticlePage({ ...article, byline: '记者 罗斌' }).body));
    const actual = chooseCaptureText(input, { readText: renderedText });
    expect(actual.method).toBe('readability');
    expect(actual.headline).toBe(article.title);
    expect(actual.text).toBe([article.title, '记者 罗斌', ...article.paragraphs].join('\n\n'));
  });

  it('keeps the line breaks of an e-paper page of several articles', () => {
    const input = documentFrom(ePaperPage(E_PAPER_LINES));
    const actual = chooseCaptureText(input, { readText: renderedText });
    expect(actual.method).toBe('visible-text');
    expect(actual.text).toBe(E_PAPER_LINES.join('\n'));
  });

  it('keeps every line of the seed page shown as an e-paper page, and not its navigation', () => {
    const seed = readSeedPage();
    const page = seedEPaperPage(seed);
    const input = documentFrom(String(page.body));
    const actual = chooseCaptureText(input, { readText: renderedText });
    const lines = (text: string) => text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
    expect(actual.method).toBe('visible-text');
    expect(lines(actual.text)).toEqual(lines(seed));
  });

  it('reads the whole body when the page is too short to be an article', () => {
    const input = documentFrom('<html><body><p>只有一句话。</p><div>第二块</div></body></html>');
    const actual = chooseCaptureText(input, { readText: renderedText });
    expect(actual).toEqual({ text: '只有一句话。\n第二块', source: 'page', method: 'visible-text' });
  });

  it('does not take one article of a page that holds several', () => {
    const article = (title: string) =>
      `<article><h2>${title}</h2>${paragraph(`${title}的正文内容相当长，讲述了许多事情的来龙去脉和各方面的反应。`, 12)}</article>`;
    const input = documentFrom(`<html><body><main>${article('第一篇')}${article('第二篇')}${article('第三篇')}</main></body></html>`);
    const actual = chooseCaptureText(input, { readText: renderedText });
    expect(actual.method).toBe('visible-text');
    for (const title of ['第一篇', '第二篇', '第三篇']) expect(actual.text).toContain(title);
  });
});

describe('headlineOf', () => {
  it.each([
    ['<h1>文章标题</h1>', '文章标题 - 新闻网', '文章标题'],
    ['<p>无标题元素</p>', '重庆工业经济增长 - 新闻网', '重庆工业经济增长'],
    ['<p>无标题元素</p>', '新闻网 | 重庆工业经济增长', '重庆工业经济增长'],
    ['<p>无标题元素</p>', '', ''],
  ])('finds the headline of %s titled %j', (body, documentTitle, expected) => {
    const input = documentFrom(`<html><head><title>${documentTitle}</title></head><body>${body}</body></html>`);
    expect(headlineOf(input, documentTitle)).toBe(expected);
  });
});

describe('articleBlocks', () => {
  it.each([
    ['uses the headline found in the content over a title with the site name', '标题 - 新闻网', '记者 甲', ['标题', '正文一', '正文二'], ['标题', '记者 甲', '正文一', '正文二']],
    ['puts the title first when the content has no headline', '标题', '记者 甲', ['正文一'], ['标题', '记者 甲', '正文一']],
    ['does not repeat a byline the body already has', '标题', '记者 甲', ['标题', '（记者 甲）正文'], ['标题', '（记者 甲）正文']],
    ['keeps a kicker above the headline', '标题', '', ['引题', '标题', '正文'], ['引题', '标题', '正文']],
  ])('%s', (_case, title, byline, paragraphs, expected) => {
    expect(articleBlocks(title, byline, paragraphs)).toEqual(expected);
  });
});

describe('blockTexts', () => {
  it.each([
    ['<p>a</p><p>b</p>', ['a', 'b']],
    ['<div>one<br>two</div>', ['one\ntwo']],
    ['<div>lead <b>bold</b> tail<p>inner</p>after</div>', ['lead bold tail', 'inner', 'after']],
    ['<pre>  keep\n    indentation</pre>', ['keep\nindentation']],
    ['<p>x<script>alert(1)</script></p>', ['x']],
  ])('splits %s into blocks', (html, expected) => {
    const input = documentFrom(`<html><body>${html}</body></html>`).body;
    expect(blockTexts(input)).toEqual(expected);
  });
});

describe('isLaidOutInLines', () => {
  it('is true for many short lines and false for long paragraphs', () => {
    expect(isLaidOutInLines([E_PAPER_LINES.join('\n')])).toBe(true);
    expect(isLaidOutInLines(Array.from({ length: 40 }, () => '很长的段落'.repeat(20)))).toBe(false);
    expect(isLaidOutInLines(['短', '行'])).toBe(false);
  });
});

describe('isPdfDocument', () => {
  it.each([
    ['application/pdf', 'https://epaper.example.com/page', true],
    ['text/html', 'https://epaper.example.com/2024/0730/03.PDF?download=1', true],
    ['text/html', 'https://epaper.example.com/2024/0730/03.html', false],
    ['text/html', 'not a url', false],
  ])('contentType %s at %s → %s', (contentType, url, expected) => {
    expect(isPdfDocument({ contentType }, url)).toBe(expected);
  });
});
