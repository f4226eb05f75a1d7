import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { layoutPage, pdfLayoutThatFits, type PdfTextItem } from '../../extension/utils/pdf-layout';
import { extractPdfText, readPdf, toPdfTextItem } from '../../extension/utils/pdf-text';
import { PdfLayout } from '../../shared/src/schemas';
import { makeNonEmbeddedCjkPdf, nonEmbeddedArticle } from '../e2e/harness/cmap-pdf';
import { makeTwoColumnPdf, seedArticles } from '../e2e/harness/two-column-pdf';

/** A line of text as pdf.js reports it, y from the page's top (the baseline). */
function line(text: string, x: number, y: number, size = 10, font = 'body'): PdfTextItem {
  return { text, x, y, width: Array.from(text).length * size, size, font };
}

const PAGE = { number: 1, width: 600, height: 800 };
const blocksOf = (items: PdfTextItem[]) => layoutPage(items, PAGE).blocks.map((block) => block.lines.map((l) => l.text));

describe('layoutPage', () => {
  it('keeps the content stream\'s order of blocks: a headline drawn after its text stays after it', () => {
    const items = [
      line('正文第一行正文', 50, 100),
      line('正文第二行正文', 50, 115),
      line('标题在正文之后', 50, 150, 18, 'bold'),
      line('右栏第一行正文', 300, 100),
      line('右栏第二行正文', 300, 115),
    ];
    expect(blocksOf(items)).toEqual([['正文第一行正文', '正文第二行正文'], ['标题在正文之后'], ['右栏第一行正文', '右栏第二行正文']]);
  });

  it('starts a new block where the text jumps to another column, and where the type size changes', () => {
    const items = [
      line('大标题', 50, 60, 18),
      line('第一栏一行文字', 50, 90),
      line('第一栏二行文字', 50, 105),
      line('第二栏一行文字', 200, 90),
      line('第二栏二行文字', 200, 105),
    ];
    expect(blocksOf(items)).toEqual([['大标题'], ['第一栏一行文字', '第一栏二行文字'], ['第二栏一行文字', '第二栏二行文字']]);
  });

  it('keeps two headlines of one type stacked a story\'s margin apart in blocks of their own, where a wrapped headline of that type shows its leading', () => {
    // 13 pt: one headline wrapped at 1.25 (16 pt steps); two pairs of one-line headlines 30 pt (2.3 sizes) apart,
    // a headline printed under its story over the next story's headline.
    const items = [
      line('一株海藻，如何变身', 50, 60, 13, 'bold'),
      line('创新药物', 50, 76, 13, 'bold'),
      line('希望更多年轻人参与到友好事业中来', 300, 200, 13, 'bold'),
      line('特使出席缅甸总统就职仪式', 300, 230, 13, 'bold'),
      line('新西兰议长将访华', 50, 400, 13, 'bold'),
      line('纳米比亚外长将访华', 50, 430, 13, 'bold'),
    ];
    expect(blocksOf(items)).toEqual([['一株海藻，如何变身', '创新药物'], ['希望更多年轻人参与到友好事业中来'], ['特使出席缅甸总统就职仪式'], ['新西兰议长将访华'], ['纳米比亚外长将访华']]);
  });

  it('keeps an indented first line and a short last line in their paragraph\'s block', () => {
    const items = [line('首行缩进的一行', 70, 100), line('满行的文字满行的文字', 50, 115), line('短行。', 50, 130), line('下一段缩进首行', 70, 145)];
    expect(blocksOf(items)).toHaveLength(1);
  });

  it('reads columns left to right when the stream draws the page row by row across them', () => {
    const rows = ['甲', '乙', '丙', '丁', '戊', '己'];
    const items = [
      line('通栏大标题横跨两栏内容', 120, 60, 20),
      ...rows.flatMap((word, index) => [line(`右栏${word}行文字`, 300, 100 + index * 14), line(`左栏${word}行文字`, 50, 100 + index * 14)]),
    ];
    expect(blocksOf(items)).toEqual([
      ['通栏大标题横跨两栏内容'],
      rows.map((word) => `左栏${word}行文字`),
      rows.map((word) => `右栏${word}行文字`),
    ]);
  });

  it('keeps a line whose one space a justifying producer stretched wide, where the next string starts within it', () => {
    const stretched = (x: number, width: number): PdfTextItem => ({ text: ' ', x, y: 100, width, size: 10, font: 'body' });
    const lines = (reach: number) =>
      blocksOf([line('本报北京4月7日电', 50, 100), stretched(140, 45), line('（记者林丽鹂）国家市场监督', reach, 100), line('管理总局7日公布，全国广告业务收入', 50, 115)]);
    const [first] = lines(178);
    expect(first).toHaveLength(2);
    expect(first![0]).toMatch(/^本报北京4月7日电\s*（记者林丽鹂）国家市场监督$/);
    // Past the space's end by more than a gap within a line: another column's line.
    expect(lines(200).flat()).toContain('（记者林丽鹂）国家市场监督');
  });

  it('puts back the spaces between Latin words but not between CJK characters', () => {
    const items = [
      { text: 'Hello', x: 50, y: 100, width: 25, size: 10, font: 'f' },
      { text: 'world', x: 79, y: 100, width: 25, size: 10, font: 'f' },
      { text: '中', x: 50, y: 114, width: 10, size: 10, font: 'f' },
      { text: '文', x: 64, y: 114, width: 10, size: 10, font: 'f' },
    ];
    expect(blocksOf(items)).toEqual([['Hello world', '中文']]);
  });

  it('gives each line its position, size and font number, and the page its size', () => {
    const page = layoutPage([line('标题', 50, 60, 18, 'bold'), line('正文', 50, 100, 10, 'body')], PAGE);
    expect(page).toMatchObject({ number: 1, width: 600, height: 800 });
    expect(page.blocks.map((block) => block.lines[0])).toEqual([
      { text: '标题', x: 50, y: 60, width: 36, size: 18, font: 0 },
      { text: '正文', x: 50, y: 100, width: 20, size: 10, font: 1 },
    ]);
  });

  it('reads one-glyph items drawn one under the other at one x as one vertical line, with its height', () => {
    const title = Array.from('春耕备耕正当时');
    const items = [
      line('正文第一行正文', 50, 100),
      line('正文第二行正文', 50, 115),
      ...title.map((glyph, index) => line(glyph, 200, 100 + index * 18, 18, 'bold')),
    ];
    const page = layoutPage(items, PAGE);
    expect(page.blocks.map((block) => block.lines.map((l) => l.text))).toEqual([['正文第一行正文', '正文第二行正文'], ['春耕备耕正当时']]);
    expect(page.blocks[1]!.lines[0]).toEqual({ text: '春耕备耕正当时', x: 200, y: 100 + 6 * 18, width: 18, size: 18, font: 1, height: 7 * 18 });
  });

  it('reads glyphs piled on one spot in the stream\'s order, as tall as they would stand one under the other', () => {
    // Chromium draws a vertical headline in a font without vertical metrics this way: every glyph at
    // (almost) the same point, in reading order.
    const items = [line('稻', 300, 101, 20), line('田', 300, 102, 20), { text: 'AI', x: 302, y: 70, width: 17, size: 20, font: 'body', vertical: { height: 17 } }, line('的', 300, 100.5, 20), line('故', 300, 101, 20), line('事', 300, 100, 20)];
    const [block] = layoutPage(items, PAGE).blocks;
    expect(block!.lines).toHaveLength(1);
    expect(block!.lines[0]).toMatchObject({ text: '稻田AI的故事', x: 300, width: 20, size: 20 });
    expect(block!.lines[0]!.height).toBeGreaterThanOrEqual(6 * 20);
  });

  it('keeps one-glyph items set across a line as a horizontal line, and stacked one-glyph lines a leading apart as lines', () => {
    const across = Array.from('逐字排列').map((glyph, index) => line(glyph, 50 + index * 10, 100));
    const stacked = ['甲', '乙', '丙'].map((glyph, index) => line(glyph, 300, 100 + index * 15));
    const page = layoutPage([...across, ...stacked], PAGE);
    expect(page.blocks.map((block) => block.lines.map((l) => l.text))).toEqual([['逐字排列'], ['甲', '乙', '丙']]);
    expect(page.blocks.flatMap((block) => block.lines).every((l) => l.height === undefined)).toBe(true);
  });

  it('prints a vertical line\'s punctuation in the forms the text takes set across', () => {
    const items = Array.from('与书同坐︵金台随感︶').map((glyph, index) => line(glyph, 300, 100 + index * 12, 12));
    expect(blocksOf(items)).toEqual([['与书同坐（金台随感）']]);
  });

  it('gives a line the size most of its characters are set in: a running head with a large page number is in small type', () => {
    const items = [line('人民日报生态 2026年4月8日 星期三', 50, 700, 9), line('14', 233, 700, 15, 'bold')];
    expect(layoutPage(items, PAGE).blocks[0]!.lines[0]).toMatchObject({ text: '人民日报生态 2026年4月8日 星期三 14', size: 9, font: 0 });
  });

  it('returns no blocks for a page without text', () => {
    expect(layoutPage([line('   ', 50, 50)], PAGE).blocks).toEqual([]);
  });
});

describe('toPdfTextItem', () => {
  // pdf.js's viewport of a 600 × 800 page at scale 1: PDF space (y up) to the shown page (y down).
  const viewport = { width: 600, height: 800, transform: [1, 0, 0, -1, 0, 800], convertToViewportPoint: (x: number, y: number) => [x, 800 - y] };

  it('gives a string set across its position from the top, size and width', () => {
    expect(toPdfTextItem({ str: '标题', transform: [18, 0, 0, 18, 50, 700], width: 36, height: 18, fontName: 'f1' }, viewport)).toEqual({ text: '标题', x: 50, y: 100, width: 36, size: 18, font: 'f1' });
  });

  it('marks a string turned a quarter clockwise (Latin in a vertical headline) vertical, running its width down the page', () => {
    const item = toPdfTextItem({ str: 'AI', transform: [0, -20, 20, 0, 300, 700], width: 17, height: 20, fontName: 'f1' }, viewport);
    expect(item).toMatchObject({ text: 'AI', x: 300, y: 100, size: 20, vertical: { height: 17 } });
  });

  it('marks a string in a vertical font vertical, running its height down the page', () => {
    const item = toPdfTextItem({ str: '春耕备耕', transform: [20, 0, 0, 20, 300, 700], width: 0, height: 80, fontName: 'v' }, viewport, true);
    expect(item).toMatchObject({ text: '春耕备耕', width: 20, vertical: { height: 80 } });
  });
});

describe('extractPdfText', () => {
  it('gives a two-column Chinese PDF made with a real CJK font back in reading order', async () => {
    const [left, right] = seedArticles(['industry-growth', 'leader-visit']);
    const { bytes, expectedText } = await makeTwoColumnPdf(left, right);
    const actual = await extractPdfText(bytes, { getDocument });
    expect(actual).toBe(expectedText);
  });

  it('reads its layout too: the headlines in larger type than the text, within the API\'s schema', async () => {
    const [left, right] = seedArticles(['industry-growth', 'leader-visit']);
    const { bytes } = await makeTwoColumnPdf(left, right);
    const { pdf } = await readPdf(bytes, { getDocument });
    expect(PdfLayout.safeParse(pdf).success).toBe(true);
    expect(pdfLayoutThatFits(pdf)).toEqual({ pdf });
    const lines = pdf.pages.flatMap((page) => page.blocks.flatMap((block) => block.lines));
    const bodySize = lines.at(-1)!.size;
    const large = lines.filter((l) => l.size > bodySize * 1.3).map((l) => l.text).join('');
    expect(large).toBe(`${left!.title}${right!.title}`.replace(/\s+/g, ''));
  });
});

describe('extractPdfText with CMaps', () => {
  const cMapUrl = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/cmaps/`;

  it('reads a PDF whose Chinese font is not embedded when given the CMaps', async () => {
    const { lines, expectedText } = nonEmbeddedArticle();
    const actual = await extractPdfText(makeNonEmbeddedCjkPdf(lines), { getDocument }, { cMapUrl });
    expect(actual).toBe(expectedText);
  });

  it('cannot read it without them (why the extension ships the CMaps)', async () => {
    const { lines, expectedText } = nonEmbeddedArticle();
    const actual = await extractPdfText(makeNonEmbeddedCjkPdf(lines), { getDocument }).catch(() => '');
    expect(actual).not.toBe(expectedText);
  });
});
