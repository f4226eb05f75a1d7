import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { layoutPageText, type PositionedText } from '../../extension/utils/pdf-layout';
import { extractPdfText } from '../../extension/utils/pdf-text';
import { makeNonEmbeddedCjkPdf, nonEmbeddedArticle } from '../e2e/harness/cmap-pdf';
import { makeTwoColumnPdf, seedArticles } from '../e2e/harness/two-column-pdf';

/** A line of text as pdf.js reports it: one item per character run. */
function line(text: string, x: number, y: number, size = 10): PositionedText {
  return { text, x, y, width: Array.from(text).length * size, size };
}

describe('layoutPageText', () => {
  it('reads the left column before the right one, keeping line breaks', () => {
    const input = [
      line('右栏第一行', 300, 700),
      line('左栏第一行', 50, 700),
      line('右栏第二行', 300, 686),
      line('左栏第二行', 50, 686),
      line('左栏第三行', 50, 672),
    ];
    expect(layoutPageText(input)).toBe('左栏第一行\n左栏第二行\n左栏第三行\n\n右栏第一行\n右栏第二行');
  });

  it('puts a blank line at a paragraph gap and after a headline', () => {
    const input = [
      line('大标题', 50, 720, 18),
      line('第一段一行', 50, 690),
      line('第一段二行', 50, 676),
      line('第二段一行', 50, 640),
      line('第二段二行', 50, 626),
    ];
    expect(layoutPageText(input)).toBe('大标题\n\n第一段一行\n第一段二行\n\n第二段一行\n第二段二行');
  });

  it('reads a headline spanning both columns before the columns under it', () => {
    const input = [
      line('通栏大标题横跨两栏内容', 120, 740, 20),
      ...['甲', '乙', '丙', '丁', '戊', '己'].flatMap((word, index) => [
        line(`左栏${word}行文字`, 50, 700 - index * 14),
        line(`右栏${word}行文字`, 300, 700 - index * 14),
      ]),
    ];
    expect(layoutPageText(input)).toBe([
      '通栏大标题横跨两栏内容',
      ['甲', '乙', '丙', '丁', '戊', '己'].map((word) => `左栏${word}行文字`).join('\n'),
      ['甲', '乙', '丙', '丁', '戊', '己'].map((word) => `右栏${word}行文字`).join('\n'),
    ].join('\n\n'));
  });

  it('puts back the spaces between Latin words but not between CJK characters', () => {
    const input = [
      { text: 'Hello', x: 50, y: 700, width: 25, size: 10 },
      { text: 'world', x: 79, y: 700, width: 25, size: 10 },
      { text: '中', x: 50, y: 686, width: 10, size: 10 },
      { text: '文', x: 64, y: 686, width: 10, size: 10 },
    ];
    expect(layoutPageText(input)).toBe('Hello world\n中文');
  });

  it('returns nothing for a page without text', () => {
    expect(layoutPageText([])).toBe('');
  });
});

describe('extractPdfText', () => {
  it('gives a two-column Chinese PDF made with a real CJK font back in reading order', async () => {
    const [left, right] = seedArticles(['industry-growth', 'leader-visit']);
    const { bytes, expectedText } = await makeTwoColumnPdf(left, right);
    const actual = await extractPdfText(bytes, { getDocument });
    expect(actual).toBe(expectedText);
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
