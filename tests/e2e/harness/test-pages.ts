// A local web server for the pages the tests save: an e-paper page holding the seed page's
// text, a single-article page wrapped in site navigation, ads and comments, and a PDF.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';

export interface TestPage {
  contentType: string;
  body: string | Uint8Array;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const SEED_PAGE_PATH = new URL('../../../../shared/corpus/seed-page.txt', import.meta.url);

export function readSeedPage(): string {
  return readFileSync(SEED_PAGE_PATH, 'utf8');
}

/** The seed page's text laid out the way e-paper sites show a printed page: its lines, as lines. */
export function ePaperPage(text: string): TestPage {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map(escapeHtml);
  return {
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>重庆日报 2024年07月31日 第3版：要闻</title></head>
<body>
  <header><a href="/">重庆日报数字报</a> <nav><a href="#">第01版</a> <a href="#">第02版</a> <a href="#">第03版</a> <a href="#">第04版</a></nav></header>
  <main><div class="page-text" style="font-size:15px;line-height:1.6">${lines.join('<br>\n')}</div></main>
</body></html>`,
  };
}

export interface SingleArticle {
  title: string;
  byline: string;
  paragraphs: string[];
}

export const SITE_NAVIGATION = ['首页', '时政要闻', '财经频道', '体育赛事', '娱乐八卦', '本站导航地图'];
export const AD_TEXT = '限时特惠：下载新闻客户端立领百元红包';
export const COMMENTS = ['网友甲：说得太好了，点赞支持！', '网友乙：希望多报道这样的新闻。'];

/** A news site's article page: the article inside navigation, an ad, related links and comments. */
export function singleArticlePage(article: SingleArticle): TestPage {
  const nav = SITE_NAVIGATION.map((item) => `<li><a href="#">${escapeHtml(item)}</a></li>`).join('');
  const paragraphs = article.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
  const comments = COMMENTS.map((comment) => `<li class="comment"><p>${escapeHtml(comment)}</p></li>`).join('');
  return {
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(article.title)} - 新闻网</title></head>
<body>
  <header class="site-header"><div class="logo">新闻网</div><nav class="main-nav"><ul>${nav}</ul></nav></header>
  <div class="ad-banner" id="ad-top">${escapeHtml(AD_TEXT)}</div>
  <div class="layout">
    <article class="story">
      <h1>${escapeHtml(article.title)}</h1>
      <p class="byline">${escapeHtml(article.byline)}</p>
      ${paragraphs}
    </article>
    <aside class="sidebar"><h3>热门推荐</h3><ul><li><a href="#">另一条热门新闻标题</a></li><li><a href="#">再一条热门新闻标题</a></li></ul></aside>
  </div>
  <section class="comments"><h3>网友评论</h3><ul>${comments}</ul></section>
  <footer>关于我们 | 联系方式 | 版权所有 新闻网</footer>
</body></html>`,
  };
}

export class TestPageServer {
  private constructor(
    private readonly server: Server,
    private readonly pages: Map<string, TestPage>,
    readonly origin: string,
  ) {}

  /** Listens on `host`: 127.0.0.2 is a loopback address the extension has no host permission for. */
  static async start(host = '127.0.0.1'): Promise<TestPageServer> {
    const pages = new Map<string, TestPage>();
    const server = createServer((request, response) => {
      const page = pages.get(new URL(request.url ?? '/', 'http://localhost').pathname);
      if (!page) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response.writeHead(200, { 'content-type': page.contentType, 'cache-control': 'no-store' }).end(page.body);
    });
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const address = server.address();
    if (typeof address !== 'object' || !address) throw new Error('no address');
    return new TestPageServer(server, pages, `http://${host}:${address.port}`);
  }

  /** Serves `page` at `pathname` and returns its full URL. */
  serve(pathname: string, page: TestPage): string {
    this.pages.set(pathname, page);
    return `${this.origin}${pathname}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
