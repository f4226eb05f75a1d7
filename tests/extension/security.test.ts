// The extension runs on every page a reader opens, so: saved text (which came from any page)
// is drawn in the popup as text, never as markup; and the capture script reaches a page only
// when the user asks (no content script on page load, no host access beyond the server).
import type { Window } from 'happy-dom';
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Article } from '../../shared/src/schemas';
import { ArticleList } from '../../extension/components/ArticleList';
import { ArticleView } from '../../extension/components/ArticleView';
import captureScript from '../../extension/entrypoints/capture.content';
import background from '../../extension/entrypoints/background/index';
import wxtConfig from '../../extension/wxt.config';
import { mountPoint } from './dom';

const HOSTILE = [
  '<img src=x onerror="window.__injected=1">',
  '<script>window.__injected=1</script>',
  '<a href="javascript:window.__injected=1">link</a>',
  '<iframe src="https://evil.example"></iframe>',
  '"><svg onload=window.__injected=1>',
  '{{constructor.constructor("window.__injected=1")()}}',
];

function hostileArticle(url: string): Article {
  return {
    id: '2h6qg1dr0b-0123456789abcdef0123-000',
    captureId: '0123456789abcdef0123',
    title: HOSTILE[0]!,
    subtitle: HOSTILE[1],
    kicker: HOSTILE[4],
    byline: HOSTILE[2],
    dateline: HOSTILE[5],
    paragraphs: HOSTILE,
    captions: [HOSTILE[3]!],
    summary: HOSTILE.join(' '),
    keywords: HOSTILE,
    lang: 'zh',
    url,
    capturedAt: '2024-07-30T08:00:00.000Z',
    createdAt: '2024-07-30T08:00:01.000Z',
  };
}

describe('saved text in the popup', () => {
  let page: ReturnType<typeof mountPoint>;
  let window: Window;
  let root: HTMLElement;

  beforeEach(() => {
    page = mountPoint();
    ({ window, root } = page);
  });
  afterEach(() => page.close());

  /** No element the page's text could have made, and nothing ran. */
  function expectNoMarkupFromThePage(): void {
    expect(root.querySelectorAll('img, script, iframe, svg, object, embed').length).toBe(0);
    for (const element of Array.from(root.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) expect(attribute.name, element.outerHTML.slice(0, 80)).not.toMatch(/^on/i);
    }
    for (const link of Array.from(root.querySelectorAll('a'))) expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect((window as unknown as { __injected?: number }).__injected).toBeUndefined();
  }

  it('draws every field of an article as the text it is', () => {
    const article = hostileArticle('https://news.example.com/a');
    render(h(ArticleView, { article, notice: HOSTILE[1]!, onBack() {}, onDelete() {}, onCopyMarkdown() {} }), root);
    expectNoMarkupFromThePage();
    const text = root.textContent ?? '';
    for (const field of [article.title, article.subtitle!, article.kicker!, ...article.paragraphs, ...article.captions]) expect(text).toContain(field);
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://news.example.com/a');
  });

  it.each(['javascript:window.__injected=1', 'data:text/html,<script>window.__injected=1</script>', 'vbscript:msgbox(1)'])(
    'links to no source page whose address is %s',
    (url) => {
      render(h(ArticleView, { article: hostileArticle(url), notice: '', onBack() {}, onDelete() {}, onCopyMarkdown() {} }), root);
      expect(root.querySelectorAll('a').length).toBe(0);
      expectNoMarkupFromThePage();
    },
  );

  it('draws the list of saved articles as text', () => {
    const article = hostileArticle('https://news.example.com/a');
    const cached = { id: article.id, captureId: article.captureId, title: article.title, summary: article.summary, url: article.url, capturedAt: article.capturedAt };
    render(h(ArticleList, { articles: [cached, { ...cached, id: 'other', url: 'javascript:alert(1)' }], hasMore: false, loadingMore: false, emptyText: '', onOpen() {}, onLoadMore() {} }), root);
    expectNoMarkupFromThePage();
    expect(root.textContent).toContain(HOSTILE[0]);
  });
});

describe('the capture script', () => {
  it('is registered at run time with no page patterns: it never loads with a page', () => {
    expect(captureScript).toMatchObject({ registration: 'runtime', matches: [] });
  });

  it.each(['chrome', 'firefox'])('has no content script and no host access beyond the server in the %s manifest', async (browserName) => {
    const manifestOption = wxtConfig.manifest;
    const manifest = (typeof manifestOption === 'function' ? await manifestOption({ browser: browserName, manifestVersion: 3, mode: 'production', command: 'build' } as never) : manifestOption) as Record<string, unknown>;
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    const permissions = manifest.permissions as string[];
    expect(permissions).toContain('activeTab');
    expect(permissions).not.toContain('<all_urls>');
    expect(permissions).not.toContain('webNavigation');
  });

  /** An extension event the fake browser lacks: listeners kept, fired by `trigger`. */
  function fakeEvent<Args extends unknown[]>() {
    const listeners: ((...args: Args) => void)[] = [];
    return {
      addListener: (listener: (...args: Args) => void) => void listeners.push(listener),
      trigger: (...args: Args) => listeners.forEach((listener) => listener(...args)),
    };
  }

  it('is not run when tabs open, load or change, only when the user saves', async () => {
    fakeBrowser.reset();
    const executeScript = vi.fn(async () => [{ result: undefined }]);
    const onCommand = fakeEvent<[string, { id?: number } | undefined]>();
    Object.assign(fakeBrowser, {
      scripting: { executeScript },
      commands: { onCommand },
      contextMenus: { create: vi.fn(), onClicked: fakeEvent() },
      action: { setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}), setTitle: vi.fn(async () => {}) },
    });
    background.main();
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example.com/a', active: true });
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'complete', url: tab.url }, tab);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: tab.id!, previousTabId: undefined, windowId: tab.windowId! } as never);
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://news.example.com/b' });
    await fakeBrowser.runtime.onStartup.trigger();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(executeScript).not.toHaveBeenCalled();

    // The user's shortcut does run it, in that tab only.
    onCommand.trigger('save-page', tab);
    await vi.waitFor(() => expect(executeScript).toHaveBeenCalledTimes(1));
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: tab.id }, files: ['/content-scripts/capture.js'] });
  });
});
