import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { layoutPage, pdfLayoutThatFits, type PdfTextItem } from '../../extension/utils/pdf-layout';
import { extractPdfText, readPdf } from '../../extension/utils/pdf-text';
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

  it('returns no blocks for a page without text', () => {
    expect(layoutPage([line('   ', 50, 50)], PAGE).blocks).toEqual([]);
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
