// Makes a Chinese newspaper-like PDF page: two articles side by side in two columns, each a
// headline in a larger size and paragraphs set in short lines, with Debian's WenQuanYi Zen Hei.
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

export const CJK_FONT_PATH = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

export interface PdfArticle {
  title: string;
  paragraphs: string[];
}

const PAGE_WIDTH = 520;
const PAGE_HEIGHT = 800;
const MARGIN = 40;
const GUTTER = 28;
const BODY_SIZE = 10.5;
const TITLE_SIZE = 16;
const BODY_LEADING = 15;
const TITLE_LEADING = 21;
const PARAGRAPH_GAP = 10;
const CHARS_PER_LINE = Math.floor((PAGE_WIDTH - 2 * MARGIN - GUTTER) / 2 / BODY_SIZE);
const TITLE_CHARS_PER_LINE = Math.floor(((PAGE_WIDTH - 2 * MARGIN - GUTTER) / 2) / TITLE_SIZE);

function wrap(text: string, width: number): string[] {
  const characters = Array.from(text);
  const lines: string[] = [];
  for (let start = 0; start < characters.length; start += width) lines.push(characters.slice(start, start + width).join(''));
  return lines;
}

/** The lines of one column as a reader reads them: the headline, then each paragraph. */
export function columnLines(article: PdfArticle, maxBodyLines: number): { title: string[]; paragraphs: string[][] } {
  const paragraphs: string[][] = [];
  let used = 0;
  for (const paragraph of article.paragraphs) {
    const lines = wrap(paragraph, CHARS_PER_LINE);
    if (used + lines.length > maxBodyLines) break;
    paragraphs.push(lines);
    used += lines.length + 1;
  }
  return { title: wrap(article.title, TITLE_CHARS_PER_LINE), paragraphs };
}

/** The text a correct reader gives: lines kept, a blank line between headline, paragraphs and columns. */
export function expectedColumnText(column: { title: string[]; paragraphs: string[][] }): string {
  return [column.title.join('\n'), ...column.paragraphs.map((lines) => lines.join('\n'))].join('\n\n');
}

function drawColumn(page: PDFPage, font: PDFFont, x: number, column: { title: string[]; paragraphs: string[][] }) {
  let y = PAGE_HEIGHT - MARGIN - TITLE_SIZE;
  for (const line of column.title) {
    page.drawText(line, { x, y, size: TITLE_SIZE, font });
    y -= TITLE_LEADING;
  }
  y -= PARAGRAPH_GAP;
  for (const lines of column.paragraphs) {
    for (const line of lines) {
      page.drawText(line, { x, y, size: BODY_SIZE, font });
      y -= BODY_LEADING;
    }
    y -= PARAGRAPH_GAP;
  }
}

export async function makeTwoColumnPdf(left: PdfArticle, right: PdfArticle): Promise<{ bytes: Uint8Array; expectedText: string }> {
  const document = await PDFDocument.create();
  // The font file is a TrueType collection: hand pdf-lib its first face.
  document.registerFontkit({
    create: (data: Uint8Array) => fontkit.create(Buffer.from(data), 'WenQuanYiZenHei'),
  } as unknown as typeof fontkit);
  const font = await document.embedFont(readFileSync(CJK_FONT_PATH), { subset: true });
  const page = document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const maxBodyLines = Math.floor((PAGE_HEIGHT - 2 * MARGIN - 4 * TITLE_LEADING) / (BODY_LEADING + 2));
  const leftColumn = columnLines(left, maxBodyLines);
  const rightColumn = columnLines(right, maxBodyLines);
  drawColumn(page, font, MARGIN, leftColumn);
  drawColumn(page, font, MARGIN + (PAGE_WIDTH - 2 * MARGIN + GUTTER) / 2, rightColumn);
  const bytes = await document.save();
  return { bytes, expectedText: `${expectedColumnText(leftColumn)}\n\n${expectedColumnText(rightColumn)}` };
}

interface GoldArticle {
  id: string;
  title: string;
  paragraphs: string[];
}

/** Two articles of the seed page's correct split, read at test time from ../shared. */
export function seedArticles(ids: [string, string]): [PdfArticle, PdfArticle] {
  const goldUrl = new URL('../../../../shared/corpus/seed-page.gold.json', import.meta.url);
  const gold = JSON.parse(readFileSync(goldUrl, 'utf8')) as { articles: GoldArticle[] };
  const pick = (id: string): PdfArticle => {
    const found = gold.articles.find((article) => article.id === id);
    if (!found) throw new Error(`seed-page.gold.json has no article ${id}`);
    return { title: found.title, paragraphs: found.paragraphs };
  };
  return [pick(ids[0]), pick(ids[1])];
}
