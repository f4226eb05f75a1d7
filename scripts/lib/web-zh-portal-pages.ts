// Chinese news article pages in the shape of real portals (a menu bar, a breadcrumb, a toolbar
// such as 缩小字体放大字体收藏, bold subheadings written as plain paragraphs, a photo with its
// caption, an editor's line, related links, readers' comments, a footer), built from the real
// People's Daily text in ../shared/corpus/pages-zh. A check the capture rules were never tuned on:
// the pages were written before any figure was looked at and are not changed to suit the rules.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../extension-browser';
import type { WebPage } from './web-pages';

const PAGES_ZH_DIR = path.resolve(REPO_ROOT, '../shared/corpus/pages-zh');
/** Articles long enough to be a story page of their own. */
const MIN_PARAGRAPHS = 5;
const MIN_CHARS = 800;
const PAGE_COUNT = 12;

interface SourceArticle {
  kind: string;
  title: string;
  kicker?: string;
  byline?: string;
  paragraphs: string[];
  subheads?: string[];
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

const MENU = ['首页', '时政', '国际', '财经', '台湾', '军事', '观点', '领导', '人事', '理论', '法治', '社会', '产经', '教育', '科普', '体育', '文化', '健康', '旅游', '汽车', '房产'];
const FOOTER = '关于我们 | 报社概况 | 网站声明 | 联系我们 | 广告服务 | 招聘英才 | 版权所有，未经书面授权禁止使用';
const COMMENTS: Array<[string, string]> = [
  ['江南烟雨', '写得好，点赞！'],
  ['用户7381926', '希望政策早日落地，老百姓得实惠。'],
  ['老张在路上', '我们这里也是这样，变化很大。'],
  ['清风徐来', '支持！'],
];

function menuBar(): string {
  return `<div class="top-nav"><ul>${MENU.map((item) => `<li><a href="/${item}">${item}</a></li>`).join('')}</ul></div>`;
}

function commentsBlock(): string {
  return `<div class="comment-area"><h3>网友评论</h3><p class="comment-count">已有${COMMENTS.length}条评论</p>${COMMENTS.map(
    ([name, text]) => `<div class="comment-item"><span class="user">${name}</span><span class="time">1小时前</span><p>${text}</p><a>回复</a> <a>赞(12)</a></div>`,
  ).join('')}<textarea placeholder="我来说两句"></textarea><button>发表评论</button></div>`;
}

function relatedLinks(titles: string[]): string {
  return `<div class="related"><h3>相关新闻</h3><ul>${titles.map((title) => `<li><a href="/n/${encodeURIComponent(title)}">${escape(title)}</a></li>`).join('')}</ul></div>`;
}

/** Paragraphs as the portal writes them: subheadings in bold, a photo after the second paragraph. */
function bodyParagraphs(article: SourceArticle, style: 'p' | 'br'): string {
  const subheads = new Set(article.subheads ?? []);
  const parts = article.paragraphs.map((paragraph) => {
    const text = escape(paragraph.trim());
    if (style === 'br') return subheads.has(paragraph) ? `<strong>${text}</strong>` : `　　${text}`;
    return subheads.has(paragraph) ? `<p><strong>${text}</strong></p>` : `<p style="text-indent: 2em;">${text}</p>`;
  });
  const photo =
    style === 'br'
      ? '<img src="/photo.jpg" width="600" height="400">'
      : '<p style="text-align: center;"><img src="/photo.jpg" width="600" height="400"></p>';
  parts.splice(Math.min(2, parts.length), 0, photo);
  return style === 'br' ? parts.join('<br><br>') : parts.join('\n');
}

/** A people.com.cn-like page: divs only, kicker over the <h1>, a source line, a share toolbar. */
function peoplePage(article: SourceArticle, related: string[]): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(squeeze(article.title))}--时政--人民网</title>
<meta name="keywords" content="${escape(article.title.slice(0, 10))}"><meta name="description" content="${escape(article.paragraphs[0]!.slice(0, 60))}"></head><body>
${menuBar()}
<div class="path"><a href="/">人民网</a>&gt;&gt;<a href="/politics">时政</a></div>
<div class="main"><div class="col-1">
${article.kicker ? `<h3 class="pre">${escape(article.kicker)}</h3>` : ''}
<h1>${escape(squeeze(article.title))}</h1>
<div class="col-1-1">2026年04月08日05:32 | 来源：<a href="/">人民网－人民日报</a></div>
<div class="toolbar"><span>分享到：</span><a>微信</a><a>微博</a><a>QQ空间</a> <a>小字号</a><a>缩小字体</a><a>放大字体</a><a>打印</a><a>收藏</a></div>
<div class="rm_txt_con">
${article.byline ? `<p style="text-indent: 2em;">${escape(article.byline)}</p>` : ''}
${bodyParagraphs(article, 'p')}
<div class="edit">（责编：王宁、李雪）</div>
</div>
<div class="share-box">分享让更多人看到</div>
${relatedLinks(related)}
</div>
<div class="col-2"><h2>热点推荐</h2><ul>${related.map((title) => `<li><a>${escape(title)}</a></li>`).join('')}</ul></div></div>
${commentsBlock()}
<div class="footer">${FOOTER}</div>
</body></html>`;
}

/** A sina-like page: og:title, a date and source line, a font-size toolbar, a photo caption. */
function sinaPage(article: SourceArticle, related: string[]): string {
  const body = bodyParagraphs(article, 'p').replace(
    /<p style="text-align: center;"><img[^>]*><\/p>/,
    `<div class="img_wrapper"><img src="/photo.jpg" width="600" height="400"><span class="img_descr">图为${escape(squeeze(article.title).slice(0, 12))}现场。新华社记者 李响 摄</span></div>`,
  );
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(squeeze(article.title))}_新闻_新浪网</title>
<meta property="og:type" content="news"><meta property="og:title" content="${escape(squeeze(article.title))}"></head><body>
<div class="top-bar"><a>新浪首页</a> <a>新闻</a> <a>体育</a> <a>财经</a> <a>娱乐</a> <a>科技</a> <a>博客</a> <a>图片</a> <a>专栏</a> <a>更多</a> <a>登录</a> <a>注册</a></div>
${menuBar()}
<div class="main-content w1240">
<h1 class="main-title">${escape(squeeze(article.title))}</h1>
<div class="top-bar-wrap"><div class="date-source"><span class="date">2026年04月08日 06:12</span> <a class="source">人民日报</a></div>
<div class="tools">缩小字体 放大字体 收藏 微博 微信 分享 <span class="num">0</span></div></div>
<div class="article" id="article">
${body}
<p class="show_author">责任编辑：张玉</p>
</div>
<div class="article-notice">新浪新闻公众号 更多猛料！欢迎扫描左方二维码关注新浪新闻官方微信（xinwen_sina）</div>
${relatedLinks(related)}
${commentsBlock()}
</div>
<div class="footer">新浪简介 | About Sina | 广告服务 | 联系我们 | 招聘信息 | 网站律师 | SINA English | 通行证注册 | 产品答疑 Copyright © 1996-2026 SINA Corporation</div>
</body></html>`;
}

/** A 163-like page: the story in an <article>, paragraphs apart by <br>, comments as <article>s. */
function neteasePage(article: SourceArticle, related: string[]): string {
  const comments = COMMENTS.map(
    ([name, text]) => `<article class="tie"><header>${name}</header><p>${text}</p></article>`,
  ).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(squeeze(article.title))}|人民日报|网易新闻</title></head><body>
<div class="N-nav-channel">${MENU.slice(0, 12).map((item) => `<a>${item}</a>`).join(' ')}</div>
<div class="post_crumb"><a>网易首页</a> &gt; <a>新闻中心</a> &gt; <a>国内新闻</a> &gt; 正文</div>
<article class="post_main">
<h1 class="post_title">${escape(squeeze(article.title))}</h1>
<div class="post_info">2026-04-08 06:12:30　来源: <a>人民日报</a> <a class="post_jubao">举报</a></div>
<div class="post_tools">字号：<a>大</a> <a>中</a> <a>小</a> | 分享至 <a>微博</a> <a>微信</a></div>
<div class="post_body">${article.byline ? `${escape(article.byline)}<br><br>` : ''}${bodyParagraphs(article, 'br')}</div>
<div class="post_statement">特别声明：以上内容为转载，不代表本站观点。</div>
</article>
<div class="post_recommends"><h3>相关推荐</h3><ul>${related.map((title) => `<li><a>${escape(title)}</a></li>`).join('')}</ul></div>
<section class="tie-area"><h3>跟贴 ${COMMENTS.length}</h3>${comments}</section>
<div class="N-footer">网易公司版权所有 ©1997-2026</div>
</body></html>`;
}

const TEMPLATES = [peoplePage, sinaPage, neteasePage];

/** The long articles of pages-zh, in file order. */
function longArticles(dir: string): SourceArticle[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => (JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { items: SourceArticle[] }).items)
    .filter(
      (item) =>
        item.kind === 'article' && item.paragraphs.length >= MIN_PARAGRAPHS && item.paragraphs.join('').length >= MIN_CHARS,
    );
}

/** Twelve portal pages, evenly spread over the long articles, each template in turn. */
export function zhPortalPages(dir = PAGES_ZH_DIR): WebPage[] {
  const articles = longArticles(dir);
  const step = Math.max(1, Math.floor(articles.length / PAGE_COUNT));
  const pages: WebPage[] = [];
  for (let index = 0; index < PAGE_COUNT && index * step < articles.length; index++) {
    const article = articles[index * step]!;
    const related = [1, 2, 3, 4].map((offset) => squeeze(articles[(index * step + offset * 7) % articles.length]!.title));
    const template = TEMPLATES[index % TEMPLATES.length]!;
    const title = squeeze(article.title);
    pages.push({
      name: `zh-${template.name.replace('Page', '')}-${String(index + 1).padStart(2, '0')}`,
      group: 'zh-portal',
      html: template(article, related),
      expectedText: [title, ...article.paragraphs.map((paragraph) => paragraph.trim())].join('\n\n'),
      expectedTitle: title,
      heldOut: true,
      real: true,
    });
  }
  return pages;
}
