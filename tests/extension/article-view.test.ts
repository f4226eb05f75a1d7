// What the article view draws: every part of an article (summary, keywords, byline, dateline,
// section headings, captions with credits), the body's blocks in reading order when the article
// has them, and the flat paragraphs and captions when it has not.
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/src/schemas';
import { ArticleBody } from '../../extension/components/ArticleBody';
import { ArticleView } from '../../extension/components/ArticleView';
import { setLanguage } from '../../extension/utils/i18n';
import { structuredArticle } from '../fixtures/structured-article';
import { mountPoint } from './dom';

const article: Article = structuredArticle;

describe('the article view', () => {
  let page: ReturnType<typeof mountPoint>;
  let root: HTMLElement;

  beforeEach(() => {
    setLanguage('en');
    page = mountPoint();
    root = page.root;
  });
  afterEach(() => {
    page.close();
    setLanguage(undefined);
  });

  const textOf = (selector: string) => Array.from(root.querySelectorAll(selector)).map((element) => element.textContent);

  it('shows the summary, keywords, byline and dateline', () => {
    render(h(ArticleBody, { article }), root);
    expect(root.querySelector('h2')?.textContent).toBe(article.title);
    expect(root.querySelector('.kicker')?.textContent).toBe('Climate');
    expect(root.querySelector('.subtitle')?.textContent).toBe(article.subtitle);
    expect(root.querySelector('.byline')?.textContent).toBe('By Ann Lee · CHONGQING, July 30 · City News · 2024-07-29');
    expect(root.querySelector('.summary p')?.textContent).toBe(article.summary);
    expect(textOf('.keywords li')).toEqual(['heat', 'roofs', 'shade']);
  });

  it('draws the blocks in reading order: section headings under the title, lists grouped, captions with credits', () => {
    render(h(ArticleBody, { article }), root);
    const body = root.querySelector('[data-testid="article-text"]')!;
    const drawn = Array.from(body.children).map((element) => `${element.tagName.toLowerCase()}:${element.textContent}`);
    expect(drawn).toEqual([
      'p:First paragraph.',
      'h3:Where the heat collects',
      'ul:A listed point.Another point.',
      'p:Workers paint a roof white. Photo: Li Hua',
      'h4:What it costs',
      'blockquote:A quoted line.',
      'div:Row 1\tRow 2',
      'p:Last paragraph.',
    ]);
    expect(body.querySelector('.caption .credit')?.textContent?.trim()).toBe('Photo: Li Hua');
    // The flat copies are not drawn a second time.
    expect(root.textContent?.split('First paragraph.').length).toBe(2);
  });

  it('falls back to paragraphs then captions when the article has no blocks', () => {
    render(h(ArticleBody, { article: { ...article, blocks: undefined } }), root);
    const body = root.querySelector('[data-testid="article-text"]')!;
    expect(Array.from(body.querySelectorAll('p:not(.caption)')).map((p) => p.textContent)).toEqual(article.paragraphs);
    expect(textOf('.caption')).toEqual(article.captions);
    expect(body.querySelectorAll('h3, h4').length).toBe(0);
  });

  it('leaves out what the article does not have', () => {
    const bare: Article = { ...article, kicker: undefined, subtitle: undefined, byline: undefined, dateline: undefined, siteName: undefined, publishedAt: undefined, summary: '', keywords: [], url: undefined };
    render(h(ArticleBody, { article: bare }), root);
    expect(root.querySelectorAll('.kicker, .subtitle, .byline, .summary, .keywords, a').length).toBe(0);
  });

  it('labels the summary in the reader’s language and offers only the actions it is given', () => {
    setLanguage('zh');
    render(h(ArticleView, { article, onBack() {} }), root);
    expect(root.querySelector('.summary .label')?.textContent).toBe('摘要');
    expect(textOf('.actions button')).toEqual(['← 返回']);
  });
});
