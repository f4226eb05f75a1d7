// Building blocks of a typeset newspaper page in HTML: a story with its headline, kicker, subtitle,
// byline, photo, caption and jump line; running heads, page numbers and editors' lines.
// Every element that belongs in the gold carries data-art (its story) and data-gold (its role), so
// gold.ts can read the gold back from the very HTML that was printed.
import type { Rng } from '../lib/prng';
import { makeCaption, REPORTER_NAMES } from '../lib/page-layout';
import type { SourceArticle } from '../lib/source-articles';
import { splitSentences } from '../lib/text';
import type { SourcePage, Story } from './stories';

export type GoldRole = 'title' | 'kicker' | 'subtitle' | 'byline' | 'para' | 'caption';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Runs of ASCII spaces inside a source line (本报记者  王  珂) print as they are, not collapsed. */
function printed(text: string): string {
  return escapeHtml(text).replace(/ {2,}/g, (run) => '&nbsp;'.repeat(run.length - 1) + ' ');
}

function gold(role: GoldRole, story: Story): string {
  return `data-art="${story.id}" data-gold="${role}"`;
}

export type HeadPosition = 'above' | 'beside' | 'after' | 'above-late' | 'vertical' | 'upright';

/**
 * A pull quote as the tuned families set it: words of the story printed again, large, inside its
 * body. Every choice is drawn by the template (see templates.ts `insetQuote`), none here.
 */
export interface InsetQuote {
  /** A whole sentence; a clause of one (no sentence end); or a speaker's words with a line naming them (——某某). */
  form: 'sentence' | 'fragment' | 'attributed';
  align: 'left' | 'center' | 'right';
  /** A box round it, rules over and under it, a bar down its left side, or nothing but its type. */
  frame: 'box' | 'rules' | 'bar' | 'none';
  /** Type size in pt. */
  size: number;
  bold: boolean;
  /** Its width as a share of the column it stands in. */
  width: number;
  /** Across all the body's columns rather than inside one. */
  span: boolean;
  /** Printed inside quotation marks (“…”). */
  marks: boolean;
  /** Where among the paragraphs it stands, and which of the fitting passages it prints (each 0–1). */
  at: number;
  pick: number;
  /** The name the attribution line gives when the text names no speaker. */
  speaker: string;
}

export interface StoryStyle {
  /** Where the headline stands: above, beside (left of the body), after (below the body), or
   *  above on the page but after the body in the content stream. */
  head: HeadPosition;
  /** Body columns (CSS multi-column); 1 for a single column. */
  columns: number;
  /** Headline size in pt. */
  headSize: number;
  /** A photo with caption and credit, made from the story's own words. */
  photo: boolean;
  boxed: boolean;
  /** Body size in pt. */
  bodySize?: number;
  /** The headline on a dark bar (white on black), as a column's name often is. */
  bar?: boolean;
  /** A sentence of the story printed again, large, as a pull quote inside the body. */
  pullQuote?: boolean;
  /** A pull quote of the tuned families' own forms. */
  inset?: InsetQuote;
  /** A headline set top to bottom beside its body ('upright'): on which side, with a rule between, in a measure of at most `maxHeight` mm. */
  upright?: { side: 'left' | 'right'; rule: boolean; maxHeight?: number };
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

export function jumpLine(kind: 'to' | 'from', page: number, rng: Rng): string {
  const num = rng.chance(0.5) ? String(page) : (CHINESE_DIGITS[page] ?? String(page));
  const text = kind === 'to' ? rng.pick([`（转第${num}版）`, `（下转第${num}版）`, `转第${num}版`]) : rng.pick([`（上接第${num}版）`, `（接第${num}版）`, `上接第${num}版`]);
  return `<p class="jump">${text}</p>`;
}

function reporterOf(story: Story, rng: Rng): string {
  const names = (story.byline ?? '').replace(/^本报(特约)?记者/, '').trim().split(/\s{2,}(?=\S{2})/).map((n) => n.replace(/\s+/g, '')).filter((n) => n.length >= 2);
  return names[0] ?? rng.pick(REPORTER_NAMES);
}

/** A photo (a grey box) with a caption echoing the story and a credit, as real captions do. */
function photoHtml(story: Story, rng: Rng, height: number): string {
  if (story.photoCaptions) {
    const box = `<div class="photo" style="height:${height}mm"></div>`;
    return `<figure class="fig">${box}${story.photoCaptions.map((c) => `<figcaption ${gold('caption', story)}>${printed(c)}</figcaption>`).join('')}</figure>`;
  }
  const source: SourceArticle = { id: story.id, lang: 'zh', title: story.title, reporters: [], paragraphs: story.paragraphs, captions: [], acceptTitles: [] };
  const caption = makeCaption(source, rng, reporterOf(story, rng));
  const box = `<div class="photo" style="height:${height}mm"></div>`;
  return `<figure class="fig">${box}${caption ? `<figcaption ${gold('caption', story)}>${printed(caption)}</figcaption>` : ''}</figure>`;
}

function headHtml(story: Story, style: StoryStyle): string {
  const parts: string[] = [];
  if (story.columnTag) parts.push(`<div class="tag">${printed(story.columnTag)}</div>`);
  if (story.kicker) parts.push(`<div class="kicker" ${gold('kicker', story)}>${printed(story.kicker)}</div>`);
  const bar = style.bar ? ';background:#222;color:#fff;padding:1mm 2mm' : '';
  parts.push(`<h2 class="title" style="font-size:${style.headSize}pt${bar}" ${gold('title', story)}>${printed(story.title)}</h2>`);
  if (story.subtitle) parts.push(`<div class="subtitle" ${gold('subtitle', story)}>${printed(story.subtitle)}</div>`);
  return `<header class="head">${parts.join('')}</header>`;
}

/** Quoted speech of the story with the words naming its speaker (村党支部书记王芳说：“…”). */
const SPOKEN = /([^，。：；！？“”、]{2,18}?)(?:说|表示|介绍|坦言|感慨|告诉记者)[：，]?“([^“”]{10,60})”/g;

/** What an inset quote prints, and its attribution line: every passage that fits its form, one picked. */
function insetText(story: Story, inset: InsetQuote): { quote: string; by?: string } | undefined {
  const sentences = story.paragraphs.filter((_, i) => !story.subheads.includes(i)).flatMap((p) => splitSentences(p)).map((s) => s.trim());
  const pick = <T>(items: T[]) => (items.length ? items[Math.min(items.length - 1, Math.floor(inset.pick * items.length))] : undefined);
  const mark = (text: string) => (inset.marks ? `“${text}”` : text);
  if (inset.form === 'attributed') {
    const spoken = story.paragraphs.flatMap((p) => [...p.matchAll(SPOKEN)].map((m) => ({ who: m[1]!.replace(/^(?:[^，]*，)?(?:记者|据)?/, ''), words: m[2]! })));
    const found = pick(spoken.filter((s) => s.who.length >= 2));
    if (found) return { quote: `“${found.words}”`, by: `——${found.who}` };
    const sentence = pick(sentences.filter((s) => s.length >= 12 && s.length <= 48 && !/[“”]/.test(s)));
    return sentence ? { quote: `“${sentence}”`, by: `——${inset.speaker}` } : undefined;
  }
  if (inset.form === 'fragment') {
    // A clause or two of a sentence, cut at a comma: no sentence end.
    const clauses = sentences.flatMap((s) => {
      const parts = s.split('，');
      return parts.length < 2 ? [] : [parts.slice(0, parts.length > 2 ? 2 : 1).join('，'), parts.slice(1, -1).join('，')];
    });
    const fragment = pick(clauses.filter((c) => c.length >= 10 && c.length <= 36 && !/[“”]/.test(c)));
    return fragment ? { quote: mark(fragment) } : undefined;
  }
  const sentence = pick(sentences.filter((s) => s.length >= 14 && s.length <= 56 && !/[“”]/.test(s)));
  return sentence ? { quote: mark(sentence) } : undefined;
}

function insetHtml(story: Story, inset: InsetQuote): string {
  const text = insetText(story, inset);
  if (!text) return '';
  const frame = { box: 'border:0.8pt solid #a00;padding:2mm 3mm', rules: 'border-top:1.5pt solid #333;border-bottom:0.5pt solid #333;padding:2mm 0', bar: 'border-left:2.5pt solid #a00;padding:1mm 0 1mm 3mm', none: 'padding:1mm 0' }[inset.frame];
  const margin = inset.align === 'right' ? 'margin:3mm 0 3mm auto' : inset.align === 'center' ? 'margin:3mm auto' : 'margin:3mm auto 3mm 0';
  const span = inset.span ? 'column-span:all;' : '';
  const by = text.by ? `<p style="margin:1mm 0 0 0;text-align:right;font-size:${Math.max(9.5, inset.size - 3)}pt;font-weight:normal">${printed(text.by)}</p>` : '';
  return `<aside class="inset" style="${span}${frame};${margin};width:${Math.round(inset.width * 100)}%;font-size:${inset.size}pt;text-align:${inset.align};font-weight:${inset.bold ? 'bold' : 'normal'};line-height:1.3;break-inside:avoid"><p style="margin:0">${printed(text.quote)}</p>${by}</aside>`;
}

function bodyHtml(story: Story, style: StoryStyle, rng: Rng): string {
  const parts: string[] = [];
  if (story.jumpFrom !== undefined) parts.push(jumpLine('from', story.jumpFrom, rng));
  if (story.byline) parts.push(`<p class="byline" ${gold('byline', story)}>${printed(story.byline)}</p>`);
  if (style.photo || story.photoCaptions) parts.push(photoHtml(story, rng, rng.int(28, 48)));
  const quoteAfter = style.pullQuote && story.paragraphs.length >= 4 ? Math.floor(story.paragraphs.length / 2) : -1;
  const insetAfter = style.inset && story.paragraphs.length >= 3 ? Math.min(story.paragraphs.length - 2, Math.floor(style.inset.at * (story.paragraphs.length - 1))) : -1;
  story.paragraphs.forEach((paragraph, i) => {
    const sub = story.subheads.includes(i);
    if (i === insetAfter + 1 && style.inset) parts.push(insetHtml(story, style.inset));
    parts.push(`<p class="${sub ? 'subhead' : 'para'}" ${gold('para', story)}>${printed(paragraph)}</p>`);
    if (i === quoteAfter) {
      const quote = story.paragraphs.slice(1).flatMap((p) => splitSentences(p)).find((q) => q.length >= 14 && q.length <= 40);
      if (quote) parts.push(`<blockquote class="pull">${printed(quote)}</blockquote>`);
    }
  });
  if (story.jumpTo !== undefined) parts.push(jumpLine('to', story.jumpTo, rng));
  const columns = style.columns > 1 ? `columns:${style.columns};column-gap:5mm;column-rule:0.3pt solid #999;` : '';
  const size = style.bodySize ? `font-size:${style.bodySize}pt;` : '';
  return `<div class="body" style="${columns}${size}">${parts.join('')}</div>`;
}

/** Photo news: display headline, photo, a text with its credit. A picture (图片报道) has no headline and is no article. */
function photoStoryHtml(story: Story, style: StoryStyle, rng: Rng): string {
  const box = `<div class="photo" style="height:${rng.int(40, 70)}mm"></div>`;
  if (story.kind === 'picture') {
    return `<section class="story picture${style.boxed ? ' boxed' : ''}">${box}${story.captions.map((c) => `<p class="piccap">${printed(c)}</p>`).join('')}</section>`;
  }
  const text = story.captions.join('').replace(/([。！？”])(?=[^。！？”]*摄)/, '$1 ');
  const title = `<h2 class="title" style="font-size:${Math.max(14, style.headSize - 4)}pt" ${gold('title', story)}>${printed(story.title)}</h2>`;
  const body = `<p class="para photonews" ${gold('para', story)}>${printed(text)}</p>`;
  return `<section class="story photo-news${style.boxed ? ' boxed' : ''}">${style.head === 'after' ? box + body + title : title + box + body}</section>`;
}

export function storyHtml(story: Story, style: StoryStyle, rng: Rng, extraStyle = ''): string {
  if (story.kind !== 'article') return photoStoryHtml(story, style, rng);
  const head = headHtml(story, style);
  const body = bodyHtml(story, style, rng);
  const box = style.boxed ? ' boxed' : '';
  const attrs = `class="story head-${style.head}${box}" style="${extraStyle}"`;
  switch (style.head) {
    case 'above':
      return `<section ${attrs}>${head}${body}</section>`;
    case 'after':
      return `<section ${attrs}>${body}${head}</section>`;
    case 'above-late':
      // Drawn on top, written to the content stream after the body.
      return `<section ${attrs}><div style="display:flex;flex-direction:column-reverse">${body}${head}</div></section>`;
    case 'beside':
      return `<section ${attrs}><div style="display:grid;grid-template-columns:${rng.pick([22, 26, 30])}% 1fr;gap:5mm">${head}${body}</div></section>`;
    case 'vertical':
      // A headline set top to bottom, right of its body, as Chinese papers print short ones.
      return `<section ${attrs}><div style="display:flex;flex-direction:row-reverse;gap:4mm"><div class="vhead">${head}</div><div style="flex:1">${body}</div></div></section>`;
    case 'upright': {
      // A short headline set top to bottom at the side of its body, its kicker or subtitle in columns of their own.
      const side = style.upright?.side ?? 'right';
      const rule = style.upright?.rule ? `border-${side === 'right' ? 'left' : 'right'}:0.5pt solid #999;padding-${side === 'right' ? 'left' : 'right'}:2.5mm;` : '';
      // The cell is as wide as its vertical lines (an engine that cannot set type top to bottom
      // stacks the glyphs one a line there: a vertical headline as some producers draw one).
      const maxHeight = style.upright?.maxHeight;
      const titleLines = maxHeight ? Math.ceil((Array.from(story.title).length * style.headSize * 1.08) / (maxHeight * 2.835)) : 1;
      const lines = [story.columnTag ? 9 * 1.5 : 0, story.kicker ? 11 * 1.5 : 0, style.headSize * 1.3 * titleLines, story.subtitle ? 12 * 1.5 : 0];
      const width = Math.ceil(lines.reduce((sum, w) => sum + w, 0)) + (style.upright?.rule ? 9 : 2);
      const cell = `<div style="display:table-cell;vertical-align:top;width:${width}pt;padding-${side === 'right' ? 'left' : 'right'}:3mm"><div class="upright" style="writing-mode:vertical-rl;letter-spacing:0.08em;${maxHeight ? `max-height:${maxHeight}mm;` : ''}${rule}">${head}</div></div>`;
      const text = `<div style="display:table-cell;vertical-align:top">${body}</div>`;
      return `<section ${attrs}><div style="display:table;table-layout:fixed;width:100%">${side === 'right' ? text + cell : cell + text}</div></section>`;
    }
  }
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

export function dateline(date: string): { long: string; dotted: string; weekday: string } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = `星期${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}`;
  return { long: `${y}年${m}月${d}日`, dotted: `${y}.${String(m).padStart(2, '0')}.${String(d).padStart(2, '0')}`, weekday };
}

/** The running head: paper, date, weekday, page number and section, in one of several arrangements. */
export function runningHead(page: SourcePage, rng: Rng): string {
  const { long, dotted, weekday } = dateline(page.date);
  const section = page.pageName ?? rng.pick(['综合', '要闻', '特别报道', '经济', '文化']);
  const num = String(page.page).padStart(2, '0');
  switch (rng.int(0, 3)) {
    case 0:
      return `<div class="runhead rh-split"><span class="pno">${page.page}</span><span>${section}</span><span>${page.paper}</span><span>${long}&nbsp;&nbsp;${weekday}</span></div>`;
    case 1:
      return `<div class="runhead rh-line">${page.paper}${section === '要闻' ? '' : section}&nbsp;${long}&nbsp;${weekday}&nbsp;<span class="pno">${page.page}</span></div>`;
    case 2:
      return `<div class="runhead rh-split"><span>${long}&nbsp;${weekday}</span><span>${page.paper}</span><span>第${num}版：${section}</span></div>`;
    default:
      return `<div class="runhead rh-split"><span>${dotted}</span><span>${section}</span><span class="pno">${page.page}</span></div>`;
  }
}

/** The foot: an editors' line (the source's own when it has one) and sometimes a page number. */
export function pageFoot(page: SourcePage, rng: Rng): string {
  const editors = page.editorLine ?? `责任编辑：${rng.pick(['王蕾', '李卓', '张弛', '刘畅', '陈静'])}`;
  const number = rng.chance(0.5) ? `<span class="pno">${rng.chance(0.5) ? page.page : `第${page.page}版`}</span>` : '';
  return `<div class="foot"><span class="editors">${printed(editors)}</span>${number}</div>`;
}

export const BASE_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: 'WenQuanYi Zen Hei', sans-serif; color: #111; font-size: 9pt; line-height: 1.5; }
.pg { position: relative; width: var(--page-width); padding: 10mm 12mm; break-after: page; }
.pg:last-child { break-after: auto; }
.runhead { font-size: 9pt; border-bottom: 1.2pt solid #a00; padding-bottom: 1.5mm; margin-bottom: 4mm; }
.rh-split { display: flex; justify-content: space-between; }
.runhead .pno { font-size: 15pt; font-weight: bold; }
.foot { display: flex; justify-content: space-between; font-size: 8pt; border-top: 0.5pt solid #666; margin-top: 4mm; padding-top: 1mm; }
.story { margin: 0 0 5mm 0; break-inside: avoid-column; }
.boxed { border: 0.8pt solid #333; padding: 3mm; }
.head { margin-bottom: 2mm; }
.title { margin: 0 0 1.5mm 0; font-weight: bold; line-height: 1.25; }
.kicker, .tag { font-size: 11pt; margin-bottom: 1mm; }
.tag { color: #a00; font-size: 9pt; }
.subtitle { font-size: 12pt; margin-bottom: 1mm; }
.byline { font-size: 9pt; margin: 0 0 1mm 0; font-weight: bold; }
.para { margin: 0; text-indent: 2em; text-align: justify; }
.subhead { margin: 1mm 0; font-weight: bold; text-align: center; }
.jump { margin: 0; text-align: right; font-size: 8.5pt; }
.fig { margin: 0 0 2mm 0; break-inside: avoid; }
.photo { background: #bbb; width: 100%; }
figcaption, .piccap { font-size: 8pt; margin: 1mm 0 0 0; }
.photonews { text-indent: 2em; }
.vhead { writing-mode: vertical-rl; max-height: 90mm; }
.vhead .title { margin: 0 0 0 1.5mm; }
.pull { margin: 2mm 0; padding: 2mm 0; border-top: 1pt solid #a00; border-bottom: 1pt solid #a00; font-size: 12pt; text-align: center; }
`;

export function documentHtml(pages: string[], widthMm: number, css = ''): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>:root{--page-width:${widthMm}mm}${BASE_CSS}${css}</style>` +
    `<style id="page-size">@page { size: ${widthMm}mm 600mm; margin: 0; }</style></head><body>${pages.join('\n')}</body></html>`;
}
