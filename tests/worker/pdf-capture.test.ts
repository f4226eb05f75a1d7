// A PDF capture: the text with the PDF's layout beside it (pages of positioned lines).
import { beforeEach, describe, expect, it } from 'vitest';
import { CaptureResponse, MAX_PDF_LINES, ProcessResponse, type PdfBlock, type PdfLayout } from '../../shared/src';
import { callJson, resetStorage } from './helpers';

beforeEach(() => resetStorage());

function block(texts: string[], x: number, y: number, size = 10): PdfBlock {
  return { lines: texts.map((text, index) => ({ text, x, y: y + index * size * 1.5, width: text.length * size, size })) };
}

const bodyA = ['本报北京4月7日电 记者从有关部门获悉，今年', '一季度全国新开工重大项目数量同比增长，', '投资结构持续优化。'];
const bodyB = ['春耕时节，田间地头一派繁忙景象。农民们抢抓', '农时，播种施肥，确保粮食生产开好局。'];
const layout: PdfLayout = {
  pages: [
    {
      number: 1,
      width: 600,
      height: 800,
      blocks: [
        block(['人民日报 2026年4月8日 星期三 第5版'], 40, 30, 9),
        block(bodyB, 300, 100),
        block(['春耕备耕忙'], 300, 140, 20),
        block(['重大项目加快建设'], 40, 100, 20),
        block(bodyA, 40, 130),
        block(['5'], 300, 780, 9),
      ],
    },
  ],
};
// The text as the extension sends it beside the layout: the same lines, flat.
const text = layout.pages[0]!.blocks.map((b) => b.lines.map((line) => line.text).join('\n')).join('\n\n');

describe('a capture with a PDF layout', () => {
  it('is split by the layout: headlines by their type, the running head and page number left out', async () => {
    const actual = await callJson('/v1/process', { json: { text, source: 'pdf', pdf: layout } });
    expect(actual.status).toBe(200);
    const result = ProcessResponse.parse(actual.body);
    expect(result.articles.map((article) => article.title)).toEqual(['春耕备耕忙', '重大项目加快建设']);
    expect(result.articles.flatMap((article) => article.paragraphs).join('')).not.toContain('人民日报');
  });

  it('is saved as it is split', async () => {
    const actual = await callJson('/v1/captures', { json: { text, source: 'pdf', pdf: layout, url: 'https://paper.example.com/5.pdf' } });
    expect(actual.status).toBe(201);
    expect(CaptureResponse.parse(actual.body).articles.map((article) => article.title)).toEqual(['春耕备耕忙', '重大项目加快建设']);
  });

  const bad: Array<[string, unknown, string]> = [
    ['no pages', { pages: [] }, 'pdf.pages'],
    ['a negative font size', { pages: [{ ...layout.pages[0], blocks: [block(['正文'], 40, 100, -3)] }] }, 'pdf.pages.0.blocks.0.lines.0.size'],
    ['a block without lines', { pages: [{ ...layout.pages[0], blocks: [{ lines: [] }] }] }, 'pdf.pages.0.blocks.0.lines'],
    ['a page number of 0', { pages: [{ ...layout.pages[0], number: 0 }] }, 'pdf.pages.0.number'],
    ['a line that is not text', { pages: [{ ...layout.pages[0], blocks: [{ lines: [{ text: 5, x: 0, y: 0, width: 1, size: 1 }] }] }] }, 'pdf.pages.0.blocks.0.lines.0.text'],
    [
      'more lines than the limit',
      { pages: [{ ...layout.pages[0], blocks: [{ lines: Array.from({ length: MAX_PDF_LINES + 1 }, () => ({ text: '', x: 0, y: 0, width: 0, size: 1 })) }] }] },
      'pdf.pages.0.blocks.0.lines',
    ],
  ];
  for (const [what, pdf, field] of bad) {
    it(`is refused with 400 for ${what}, naming the field`, async () => {
      const actual = await callJson('/v1/process', { json: { text, pdf } });
      expect(actual.status).toBe(400);
      expect(actual.body.error.code).toBe('validation_failed');
      expect(actual.body.error.message).toContain(field);
    });
  }

  it('is described in /openapi.json', async () => {
    const actual = await callJson('/openapi.json', { as: null });
    const input = actual.body.components.schemas.CaptureInput;
    expect(input.properties.pdf).toBeDefined();
    expect(JSON.stringify(input.properties.pdf)).toContain('blocks');
  });
});
