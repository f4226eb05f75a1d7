import { describe, expect, it } from 'vitest';
import { articleBodyBlocks, isoDate, pageMetadata, splitCredit } from '../../extension/utils/article-structure';
import { articleHeadline, chooseCaptureText, showsSeveralArticles } from '../../extension/utils/capture-text';
import { fitArticle, textCaptureInput } from '../../extension/utils/capture-input';
import { documentFrom, renderedText } from './dom';

const body = (html: string) => documentFrom(`<html><body>${html}</body></html>`).body;
const sentence = (words: string, times: number) => Array.from({ length: times }, () => words).join(' ');

describe('articleBodyBlocks', () => {
  it.each([
    ['<p>One.</p><h2>Part <em>two</em></h2><p>Two.</p>', [
      { kind: 'paragraph', text: 'One.' }, { kind: 'heading', level: 2, text: 'Part two' }, { kind: 'paragraph', text: 'Two.' },
    ]],
    ['<ul><li>First</li><li>Second <b>point</b></li></ul>', [{ kind: 'list-item', text: 'First' }, { kind: 'list-item', text: 'Second point' }]],
    ['<blockquote><p>Said this.</p><p>And that.</p></blockquote>', [{ kind: 'quote', text: 'Said this.' }, { kind: 'quote', text: 'And that.' }]],
    ['<figure><img src="a.jpg"><figcaption>The pier. <span class="credit">Sam Lee/Times</span></figcaption></figure>', [
      { kind: 'caption', text: 'The pier.', credit: 'Sam Lee/Times' },
    ]],
    ['<table><tr><th>Item</th><th>Cost</th></tr><tr><td>Pier</td><td>2</td></tr></table>', [{ kind: 'table', text: 'Item | Cost\nPier | 2' }]],
    ['<table><tr><td><p>Layout cell one.</p></td><td><p>Cell two.</p></td></tr></table>', [
      { kind: 'paragraph', text: 'Layout cell one.' }, { kind: 'paragraph', text: 'Cell two.' },
    ]],
    ['<div>第一段。<br>第二段。<br><br>第三段。</div>', [
      { kind: 'paragraph', text: '第一段。' }, { kind: 'paragraph', text: '第二段。' }, { kind: 'paragraph', text: '第三段。' },
    ]],
    ['<p>Text<script>var x = 1;</script> here</p>', [{ kind: 'paragraph', text: 'Text here' }]],
  ])('reads %s', (html, expected) => {
    expect(articleBodyBlocks(body(html))).toEqual(expected);
  });
});

describe('splitCredit', () => {
  it.each([
    ['<figcaption>Workers on the pier. <span class="credit">Credit Doug Mills/The New York Times</span></figcaption>', 'Workers on the pier.', 'Credit Doug Mills/The New York Times'],
    ['<figcaption>Workers on the pier. Photo: Sam Lee</figcaption>', 'Workers on the pier.', 'Photo: Sam Lee'],
    ['<figcaption>The mayor speaks. (AP Photo/Jane Roe)</figcaption>', 'The mayor speaks.', '(AP Photo/Jane Roe)'],
    ['<figcaption>工人在生产线上作业。（记者 罗斌 摄）</figcaption>', '工人在生产线上作业。', '（记者 罗斌 摄）'],
    ['<figcaption>A photo of the harbor at dawn.</figcaption>', 'A photo of the harbor at dawn.', undefined],
  ])('splits %s', (html, text, credit) => {
    const caption = body(html).querySelector('figcaption')!;
    expect(splitCredit(caption)).toEqual(credit ? { text, credit } : { text });
  });
});

describe('pageMetadata', () => {
  it('reads a NewsArticle from a @graph, with authors as a list', () => {
    const ld = { '@context': 'https://schema.org', '@graph': [
      { '@type': 'WebSite', name: 'Site' },
      { '@type': ['NewsArticle'], headline: 'The headline', author: [{ '@type': 'Person', name: 'A. One' }, 'B. Two'], datePublished: '2024-07-30T08:00:00+08:00', articleBody: 'Body.', publisher: { name: 'The Paper' } },
    ] };
    const document = documentFrom(`<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body></body></html>`);
    expect(pageMetadata(document)).toEqual({ headline: 'The headline', author: 'A. One, B. Two', datePublished: '2024-07-30T08:00:00+08:00', articleBody: 'Body.', publisher: 'The Paper' });
  });

  it('says nothing for broken JSON-LD or one about something else', () => {
    const document = documentFrom('<html><head><script type="application/ld+json">{broken</script><script type="application/ld+json">{"@type":"Organization","name":"X"}</script></head><body></body></html>');
    expect(pageMetadata(document)).toEqual({});
  });
});

describe('isoDate', () => {
  it.each([
    ['2024-07-30', '2024-07-30'],
    ['2024-07-30 08:00:00', '2024-07-30T08:00:00'],
    ['Tue, 30 Jul 2024 08:00:00 GMT', '2024-07-30T08:00:00.000Z'],
    ['yesterday', undefined],
    [undefined, undefined],
  ])('reads %j as %j', (input, expected) => {
    expect(isoDate(input)).toBe(expected);
  });
});

describe('showsSeveralArticles', () => {
  const article = (chars: number) => `<article><h2>T</h2><p>${'字'.repeat(chars)}</p></article>`;
  it.each([
    ['a front page of similar teasers', article(400) + article(350) + article(500), true],
    ['a story with related-story teasers under it', article(5000) + article(320) + article(320), false],
    ['a story with short comments', article(3000) + article(100) + article(80), false],
    ['one article', article(3000), false],
    ['a story with its parts as nested articles', `<article>${article(400)}${article(400)}</article>`, false],
  ])('%s → %s', (_case, html, expected) => {
    expect(showsSeveralArticles(documentFrom(`<html><body>${html}</body></html>`))).toBe(expected);
  });
});

describe('articleHeadline', () => {
  it.each([
    ['the page title when the <h1> is the site logo', '<h1>Site</h1>', 'The real headline', 'The real headline'],
    ['the <h1> when the page title is it with the site name', '<h1>The real headline</h1>', 'The real headline | Site', 'The real headline'],
    ['the <h1> when the page title is it with section and site', '<h1>宇航员在太空中喝酒会怎么样</h1>', '宇航员在太空中喝酒会怎么样_探索者_光明网', '宇航员在太空中喝酒会怎么样'],
    ['the <h1> when the page title is it with "--" pieces', '<h1>锻造英雄军队</h1>', '锻造英雄军队--时政--人民网', '锻造英雄军队'],
    ['the page title when the <h1> is the site name beside it', '<h1>光明网</h1>', '宇航员喝酒_光明网', '宇航员喝酒_光明网'],
    ['the page title when the <h1> is a section name', '<h1>Allergies Health Center</h1>', 'Babies Who Eat Peanuts Early May Avoid Allergy', 'Babies Who Eat Peanuts Early May Avoid Allergy'],
    ['the page title with no <h1>', '<p>x</p>', 'Headline - Site', 'Headline - Site'],
    ['the <h1> with no page title', '<h1>Only heading</h1>', '', 'Only heading'],
  ])('takes %s', (_case, html, pageTitle, expected) => {
    expect(articleHeadline(documentFrom(`<html><body>${html}</body></html>`), pageTitle)).toBe(expected);
  });
});

describe('the captured article', () => {
  const STORY = `<!doctype html><html lang="en"><head><title>Harbor rebuilds - Coastal Times</title>
    <meta property="og:site_name" content="Coastal Times"><meta name="author" content="Jane Doe">
    <meta property="article:published_time" content="2026-01-01T08:00:00Z"></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <main><article><h1>Harbor rebuilds</h1>
      <p>${sentence('The town council met in the school gym to plan the rebuilding of the harbor.', 4)}</p>
      <figure><img src="p.jpg"><figcaption>The pier on Monday. <span class="credit">Sam Lee</span></figcaption></figure>
      <h2>The cost</h2>
      <p>${sentence('Engineers put the cost of the new sea wall at twelve million dollars.', 4)}</p>
    </article></main>
    <section class="comments"><article><p>${sentence('Great story, thanks.', 20)}</p></article></section>
    <aside><article><h3>Related</h3><p>${sentence('Another story about boats.', 14)}</p></article></aside>
  </body></html>`;

  it('holds headline, byline, date, site, language and the body with its heading and caption', () => {
    const chosen = chooseCaptureText(documentFrom(STORY), { readText: renderedText });
    expect(chosen.method).toBe('readability');
    const { blocks, ...head } = chosen.article!;
    expect(head).toEqual({ title: 'Harbor rebuilds', byline: 'Jane Doe', publishedAt: '2026-01-01T08:00:00Z', siteName: 'Coastal Times', lang: 'en' });
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'caption', 'heading', 'paragraph']);
    expect(blocks[1]).toEqual({ kind: 'caption', text: 'The pier on Monday.', credit: 'Sam Lee' });
    expect(blocks[2]).toEqual({ kind: 'heading', level: 2, text: 'The cost' });
    expect(chosen.text.startsWith('Harbor rebuilds\n\nJane Doe\n\n')).toBe(true);
    expect(chosen.text).not.toContain('Great story');
  });

  it('takes the JSON-LD articleBody when the page shows only part of the story', () => {
    const full = Array.from({ length: 6 }, (_, i) => `Paragraph ${i}: ${sentence('the council voted to rebuild the harbor wall.', 5)}`).join('\n');
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Harbor rebuilds', articleBody: full });
    const page = `<html><head><script type="application/ld+json">${ld}</script></head><body><article><h1>Harbor rebuilds</h1>
      <p>${full.split('\n')[0]}</p><div class="paywall">Subscribe to read more.</div></article></body></html>`;
    const chosen = chooseCaptureText(documentFrom(page), { readText: renderedText });
    expect(chosen.article?.blocks.map((block) => block.text)).toEqual(full.split('\n'));
  });

  it('goes to the server as `article` beside the plain text, cut to the API limits', () => {
    const chosen = chooseCaptureText(documentFrom(STORY), { readText: renderedText });
    const longTitle = 'T'.repeat(800);
    const input = textCaptureInput(
      { kind: 'text', url: 'https://coastal.example/a', title: 'Harbor rebuilds', text: chosen.text, source: 'page', article: { ...chosen.article!, title: longTitle, lang: 'x' } },
      '2026-01-02T00:00:00.000Z',
    );
    expect(input.text).toBe(chosen.text);
    expect(input.article?.title).toHaveLength(500);
    expect(input.article?.lang).toBeUndefined();
    expect(input.article?.blocks).toEqual(chosen.article!.blocks);
  });

  it('drops an article that cannot be made to fit, keeping the text', () => {
    expect(fitArticle({ title: 'x', blocks: [] })).toBeUndefined();
  });
});
