// A PDF copy of a page: the damage of ../shared/corpus/seed-page.txt (column breaks, justified
// lines, spaced numbers, doubled headline art, headlines after their bodies, captions nearby),
// at other widths and in other orders.
import type { Rng } from './prng';
import type { SourceArticle } from './source-articles';
import { splitSentences, visualWidth } from './text';
import { doubledArt, headlineCuts, isPhraseCut, justifyLine, spaceAroundNumbers, wrapText } from './page-damage';
import {
  DATELINE,
  EDITORS,
  REPORTER_NAMES,
  clipboardNoise,
  makeCaption,
  namesOf,
  printedBase,
  toGold,
  withDeck,
  withEnglishDateline,
} from './page-layout';
import type { GeneratedPage, PrintedArticle } from './page-layout';

const COLUMN_NAMES = ['政协谈', '今日谈', '评论员观察', '人民时评', '经济观察', '观点', '随笔', '三峡时评', '望江楼', '来论', '一家之言', '民生观察', '社论', '短评', '声音'];
/** Short display headlines for photo news, as printed in large art type. */
const DISPLAY_TITLES = ['纳凉避暑', '春耕备耕', '金秋丰收', '冰雪之约', '夏日清凉', '乡村振兴', '绿色出行', '非遗传承', '城市更新', '碧水蓝天', '山水画卷', '暖冬行动'];

interface PdfPlan {
  width: number;
  headWidth: number;
  blankBetweenParagraphs: boolean;
  columnHeight: number;
  firstColumnLines: number;
  widthChangeChance: number;
  numberSpacing: number;
  titleNumberSpacing: number;
  justifyRate: number;
  indent: 'eaten' | 'spaces' | 'none';
  headPosition: 'before' | 'after' | 'deferred';
  captionPlacement: 'beforeHead' | 'afterBody' | 'pageTop' | 'afterNext' | 'insideBody';
  breakAfterDateline: boolean;
  doubledArt: boolean;
  subtitleGap: boolean;
}

function planPdf(rng: Rng, english: boolean): PdfPlan {
  const narrow = rng.chance(0.4);
  const width = english ? rng.int(26, 40) : narrow ? rng.int(10, 17) : rng.int(18, 30);
  return {
    width,
    headWidth: english ? rng.int(28, 45) : rng.int(10, 26),
    blankBetweenParagraphs: rng.chance(0.85),
    columnHeight: rng.int(6, 30),
    firstColumnLines: rng.int(2, 30),
    widthChangeChance: rng.pick([0, 0, 0.2, 0.5]),
    numberSpacing: english ? 0 : rng.pick([0, 0.5, 0.8, 1]),
    titleNumberSpacing: english ? 0 : rng.pick([0, 0, 0.7]),
    justifyRate: english ? 0 : rng.pick([0, 0.02, 0.05, 0.1]),
    indent: rng.weighted({ eaten: 6, spaces: 2, none: 2 }),
    headPosition: rng.weighted({ before: 11, after: 6, deferred: 2 }),
    captionPlacement: rng.weighted({ beforeHead: 3, afterBody: 4, pageTop: 1, afterNext: 2, insideBody: 1 }),
    breakAfterDateline: rng.chance(0.3),
    doubledArt: rng.chance(0.7),
    subtitleGap: rng.chance(0.6),
  };
}

function titleLines(title: string, plan: PdfPlan, rng: Rng): string[] {
  if (plan.doubledArt && /^([\u4e00-\u9fff]{4}|[\u4e00-\u9fff]{6})$/.test(title)) {
    return (title.match(/../g) ?? []).map(doubledArt);
  }
  const printed = spaceAroundNumbers(title, rng, plan.titleNumberSpacing);
  if (visualWidth(printed) <= plan.headWidth) return [printed];
  const inRange = headlineCuts(printed).filter((cut) => cut >= printed.length * 0.3 && cut <= printed.length * 0.75);
  // Editors break a headline between phrases, rarely inside quotes or brackets.
  const outside = inRange.filter((cut) => bracketDepth(printed.slice(0, cut)) === 0);
  const phrase = outside.filter((cut) => isPhraseCut(printed, cut));
  // With no break between phrases the headline stays on one line, running across columns.
  const cuts = phrase.length > 0 ? phrase : rng.chance(0.1) ? outside : [];
  if (cuts.length === 0) return [printed];
  const cut = rng.pick(cuts);
  const first = printed.slice(0, cut).trim();
  let second = printed.slice(cut).trim();
  // A short second line is spread across the headline's width: "并 看 望 慰 问 一 线 职 工".
  if (!/^[ -~]+$/.test(second) && visualWidth(second) < visualWidth(first) * 0.75 && rng.chance(0.35)) second = justifyLine(second);
  return [first, second];
}

function bracketDepth(text: string): number {
  return (text.match(/[“（《「]/g) ?? []).length - (text.match(/[”）》」]/g) ?? []).length;
}

function renderPdfHead(article: PrintedArticle, plan: PdfPlan, rng: Rng): string[] {
  const lines: string[] = [];
  if (article.kicker) lines.push(article.kicker);
  lines.push(...titleLines(article.title, plan, rng));
  if (article.subtitle) {
    if (plan.subtitleGap) lines.push('');
    lines.push(article.subtitle);
  }
  if (article.authorLine) lines.push(article.authorLine);
  return lines;
}

function renderPdfBody(article: PrintedArticle, plan: PdfPlan, rng: Rng): string[] {
  const lines: string[] = [];
  const english = article.source.lang === 'en';
  if (article.bylineLine) lines.push(article.bylineLine, ...(rng.chance(0.5) ? [''] : []));
  let width = plan.width;
  let columnLeft = plan.firstColumnLines;
  const nextWidth = (isFirstOfParagraph: boolean, breaks: Set<number>, n: number): number => {
    if (columnLeft <= 0) {
      // Column (or page) break: a blank line, wherever the sentence happens to be.
      breaks.add(n);
      columnLeft = plan.columnHeight;
      if (rng.chance(plan.widthChangeChance)) {
        width = Math.min(english ? 40 : 30, Math.max(english ? 24 : 10, width + rng.pick([-8, -5, -3, 3, 5, 8])));
      }
    }
    columnLeft--;
    const indentCut = isFirstOfParagraph && plan.indent === 'eaten' && !english ? 2 : 0;
    return width - indentCut;
  };

  for (const [k, paragraph] of article.paragraphs.entries()) {
    if (k > 0 && plan.blankBetweenParagraphs && lines.at(-1) !== '') lines.push('');
    // A photo credit closing a paragraph is set as one unit at the end of its last line.
    const credit = / ((新华社)?记者 )?[\u4e00-\u9fff]{2,4} 摄$/.exec(paragraph);
    const spaced = spaceAroundNumbers(credit ? paragraph.slice(0, credit.index) : paragraph, rng, plan.numberSpacing);
    const segments: string[] = [spaced];
    const dateline = k === 0 && plan.breakAfterDateline ? DATELINE.exec(spaced) : null;
    if (dateline) segments.splice(0, 1, dateline[0], spaced.slice(dateline[0].length));
    const breaks = new Set<number>();
    const paragraphLines: string[] = [];
    for (const [s, segment] of segments.entries()) {
      const offset = paragraphLines.length;
      paragraphLines.push(
        ...wrapText(segment, (n) => nextWidth(s === 0 && n === 0, breaks, offset + n)),
      );
    }
    if (credit) {
      const last = paragraphLines.length - 1;
      if (visualWidth(paragraphLines[last]! + credit[0]) <= width + 6) paragraphLines[last] += credit[0];
      else paragraphLines.push(credit[0].trim());
    }
    for (const [n, rawLine] of paragraphLines.entries()) {
      let line = rawLine;
      const isLast = n === paragraphLines.length - 1;
      if (!isLast && !english && rng.chance(plan.justifyRate)) line = justifyLine(line);
      if (n === 0 && plan.indent === 'spaces') line = (english ? '  ' : rng.pick(['  ', '\u3000\u3000'])) + line;
      if (breaks.has(n) && lines.at(-1) !== '') lines.push('');
      lines.push(line);
    }
  }
  return lines;
}

interface Block {
  kind: 'head' | 'body' | 'caption' | 'column';
  lines: string[];
}

/** A short photo-news item: display headline, two sentences with a photo credit, a caption line. */
export function makePhotoItem(donor: SourceArticle, rng: Rng): SourceArticle | undefined {
  const sentences = donor.paragraphs.flatMap((p) => splitSentences(p)).filter((s) => !/^■/.test(s));
  if (sentences.length < 4) return undefined;
  const start = rng.int(0, Math.min(3, sentences.length - 3));
  const reporter = rng.pick(REPORTER_NAMES);
  const body = sentences.slice(start, start + rng.int(1, 2)).join('') + `记者${reporter}摄`;
  const captions: string[] = [];
  const core = (caption: string) => caption.replace(/^(图为|\d+月\d+日，)/, '');
  for (let attempt = 0; attempt < 6 && captions.length < 2; attempt++) {
    const caption = makeCaption(donor, rng, reporter, false);
    if (!caption || body.includes(core(caption).replace(/。$/, ''))) continue;
    if (captions.some((other) => core(other) === core(caption))) continue;
    captions.push(caption);
  }
  if (captions.length === 0) return undefined;
  const title = rng.pick(DISPLAY_TITLES);
  return {
    id: `${donor.id}-photo`,
    lang: 'zh',
    title,
    reporters: [],
    kind: 'photo',
    paragraphs: [body],
    captions: captions.length === 2 && rng.chance(0.6) ? [`${captions[0]} ${captions[1]}`] : captions,
    acceptTitles: [title],
  };
}

function printForPdf(source: SourceArticle, rng: Rng): PrintedArticle {
  const article = withDeck(printedBase(source), rng);
  if (source.lang === 'en') {
    const names = source.reporters;
    if (names.length > 0 && rng.chance(0.6)) article.bylineLine = `By ${names.join(' and ')}`;
    return withEnglishDateline(article, rng);
  }
  const first = article.paragraphs[0] ?? '';
  const hasDateline = DATELINE.test(first);
  // A signed commentary under a column name ("政协谈", "□ 郑和顺") carries no dateline or byline.
  const commentary = source.kind !== 'photo' && !hasDateline && !article.subtitle && visualWidth(source.title) <= 16 && rng.chance(0.3);
  const names = source.kind === 'photo' || commentary ? [] : namesOf(source, rng);
  if (commentary) {
    const author = rng.pick(REPORTER_NAMES);
    article.authorLine = `${rng.pick(['□', '■', '◎'])} ${author}`;
    article.columnName = rng.pick(COLUMN_NAMES);
  } else if (!hasDateline && names.length > 0) {
    const style = rng.weighted({ inline: 6, line: 4, tail: 1, none: 2 });
    // Some papers sign at the end: "……（记者 王晓东）".
    if (style === 'tail') article.paragraphs[article.paragraphs.length - 1] += `（${names.map((name) => `记者 ${name}`).join(' ')}）`;
    const credit = names.map((name) => `记者 ${name}`).join(' ');
    if (style === 'inline') {
      const lead = rng.weighted({ local: 6, withHelper: 2, datedLocal: 2, relayed: 2 });
      const helper = () => `${rng.pick(['通讯员', '实习生', '见习记者'])} ${rng.pick(REPORTER_NAMES)}`;
      const date = `${rng.int(1, 12)}月${rng.int(1, 28)}日`;
      if (lead === 'local') article.paragraphs[0] = `本报讯（${credit}）${first}`;
      if (lead === 'withHelper') article.paragraphs[0] = `本报讯（${credit} ${helper()}）${first}`;
      if (lead === 'datedLocal') article.paragraphs[0] = `${rng.pick([`本报${date}讯`, `本报北京${date}电`, `本报${rng.pick(['上海', '成都', '武汉'])}${date}电`])}（${credit}）${first}`;
      if (lead === 'relayed') article.paragraphs[0] = rng.pick(['据新重庆-重庆日报讯 ', '据新华社电 ', '据央视新闻客户端讯 ', '据中新网报道，']) + first;
    }
    if (style === 'line') article.bylineLine = `本报记者 ${names.join(' ')}`;
  }
  // Paragraph text taken from the source never carries a photo credit except in photo items.
  if (article.captionLines.length === 0 && rng.chance(0.3)) {
    const caption = makeCaption(source, rng, names[0] ?? rng.pick(REPORTER_NAMES));
    if (caption) article.captionLines.push(caption);
  }
  return article;
}

/** Running heads and feet some e-paper PDFs carry: date, paper name, page, editors. None are articles. */
function pageFurniture(rng: Rng, english: boolean): { top: Block[]; bottom: Block[] } {
  const top: Block[] = [];
  const bottom: Block[] = [];
  if (!rng.chance(0.2)) return { top, bottom };
  const [year, month, day, page] = [rng.int(2019, 2025), rng.int(1, 12), rng.int(1, 28), rng.int(2, 16)];
  if (english) {
    top.push({ kind: 'column', lines: [rng.pick([`The Daily Courier | ${month}/${day}/${year}`, `PAGE ${page} | LOCAL NEWS`, `A${page} THE NORTHFIELD POST`])] });
  } else {
    const weekday = rng.pick(['一', '二', '三', '四', '五', '六', '日']);
    const paper = rng.pick(['重庆日报', '人民日报', '南方日报', '新华日报', '解放日报']);
    const section = rng.pick(['要闻', '综合', '政协', '经济', '社会', '文化']);
    const head = rng.pick([
      `${year}年${month}月${day}日 星期${weekday}`,
      `${page} ${section}`,
      `${paper} ${month}月${day}日`,
      `第${page}版 ${section}`,
      `${year}.${String(month).padStart(2, '0')}.${String(day).padStart(2, '0')}  ${paper}`,
      `${section} ${page}`,
    ]);
    top.push({ kind: 'column', lines: [head] });
    if (rng.chance(0.5)) {
      const editor = () => rng.pick(EDITORS);
      bottom.push({ kind: 'column', lines: [rng.pick([`责任编辑 ${editor()} 美术编辑 ${editor()}`, `本版编辑：${editor()}  校对：${editor()}`, `责编 ${editor()}  版式 ${editor()}`])] });
    }
  }
  return { top, bottom };
}

/** Records what an article brings to the page, without drawing on the random source. */
function noteFeatures(features: Set<string>, article: PrintedArticle, plan: PdfPlan, head: Block, last: boolean): void {
  if (plan.headPosition === 'after' || (plan.headPosition === 'deferred' && last)) features.add('head-after');
  if (plan.headPosition === 'deferred' && !last) features.add('head-after-next-article');
  if (!plan.blankBetweenParagraphs && article.paragraphs.length > 1) features.add('paragraphs-unspaced');
  if (article.source.kind === 'photo') features.add('photo-news');
  if (article.columnName) features.add('commentary');
  if (article.kicker) features.add('kicker');
  if (article.subtitle) features.add('subtitle');
  if (article.bylineLine) features.add('byline-line');
  if (plan.breakAfterDateline && DATELINE.test(article.paragraphs[0] ?? '')) features.add('dateline-own-line');
  if (plan.widthChangeChance > 0) features.add('width-changes');
  if (article.captionLines.length > 0) features.add(`caption-${plan.captionPlacement}`);
  const printedHeadLines = head.lines.filter((line) => line.trim()).length;
  const singleLineHead = 1 + (article.kicker ? 1 : 0) + (article.subtitle ? 1 : 0) + (article.authorLine ? 1 : 0);
  if (printedHeadLines > singleLineHead) features.add('two-line-headline');
}

/** A PDF copy of a page: the damage of ../shared/corpus/seed-page.txt, at other widths and orders. */
export function layoutPdfPage(name: string, sources: SourceArticle[], rng: Rng, family = 'pdf'): GeneratedPage {
  const articles = sources.map((source) => printForPdf(source, rng.fork(source.id)));
  const plans = articles.map((article) => {
    const plan = planPdf(rng, article.source.lang === 'en');
    if (article.source.kind === 'photo') plan.firstColumnLines = plan.columnHeight = 99;
    return plan;
  });
  const sequence: Block[] = [];
  const pageTop: Block[] = [];
  const features = new Set<string>();
  let deferred: Block[] = [];
  for (const [i, article] of articles.entries()) {
    const plan = plans[i]!;
    const head: Block = { kind: 'head', lines: renderPdfHead(article, plan, rng) };
    noteFeatures(features, article, plan, head, i === articles.length - 1);
    const body: Block = { kind: 'body', lines: renderPdfBody(article, plan, rng) };
    const captions: Block[] = article.captionLines.map((line) => ({ kind: 'caption', lines: [(rng.chance(0.3) ? ' ' : '') + line] }));
    const column: Block[] = article.columnName ? [{ kind: 'column', lines: [article.columnName] }] : [];
    const own: Block[] = [];
    const placement = i === articles.length - 1 && plan.captionPlacement === 'afterNext' ? 'afterBody' : plan.captionPlacement;
    if (placement === 'beforeHead') own.push(...captions);
    if (placement === 'pageTop') pageTop.push(...captions);
    // The column name labels the headline from above; below it only when the headline ends the article.
    const headWithColumn = plan.headPosition === 'before' || rng.chance(0.5) ? [...column, head] : [head, ...column];
    if (plan.headPosition === 'before') own.push(...headWithColumn, body);
    else own.push(body);
    if (plan.headPosition === 'after') own.push(...headWithColumn);
    if (placement === 'afterBody') own.push(...captions);
    if (placement === 'insideBody' && captions.length > 0) {
      // A photo set inside the article's columns: its caption sits at a break in the body text.
      const at = body.lines.findIndex((line, k) => line === '' && k > 0 && k < body.lines.length - 1);
      if (at > 0) body.lines.splice(at + 1, 0, ...captions.map((caption) => caption.lines.join('\n')), '');
      else own.push(...captions);
    }
    sequence.push(...own, ...deferred);
    deferred = [];
    if (placement === 'afterNext') deferred.push(...captions);
    if (plan.headPosition === 'deferred') deferred.push(...headWithColumn);
  }
  sequence.push(...deferred);
  const furniture = pageFurniture(rng, articles[0]?.source.lang === 'en');
  const blocks = [...furniture.top, ...pageTop, ...sequence, ...furniture.bottom];
  let text = '';
  for (const [i, block] of blocks.entries()) {
    // Blocks are set apart by a blank line, now and then only by a line break (never before a headline).
    if (i > 0) {
      const blank = block.kind === 'head' || rng.chance(0.96);
      if (!blank) features.add('blocks-unspaced');
      text += blank ? '\n\n' : '\n';
    }
    text += block.lines.join('\n');
  }
  text += rng.pick(['\n', '\n\n', '\n\n\n']);
  if (furniture.top.length > 0) features.add('running-heads');
  if (/^([\u4e00-\u9fff]) ([\u4e00-\u9fff])\1 \2$/m.test(text)) features.add('doubled-art');
  if (/(?:[\u4e00-\u9fff] ){6}/.test(text)) features.add('justified-lines');
  const noisy = clipboardNoise(text, rng);
  if (noisy.includes('\r')) features.add('crlf');
  return {
    name,
    family,
    features: [...features].sort(),
    text: noisy,
    gold: {
      source: name,
      note: 'Generated by scripts/lib/layout-pdf.ts (PDF copy damage); test-only, from ../shared/corpus text.',
      articles: articles.map(toGold),
    },
  };
}
