import { describe, expect, it } from 'vitest';
import type { PdfBlock, PdfLayout, PdfPage } from '../../shared/src';
import { runPipeline } from '../../worker/src/pipeline';
import { pdfArticleFrames } from '../../worker/src/pipeline/pdf-layout';

const BODY = 10;

/** A block of lines of `size` type from (x, y) down, one line step (1.5 sizes) apart. */
function block(texts: string[], x: number, y: number, size = BODY): PdfBlock {
  return { lines: texts.map((text, index) => ({ text, x, y: y + index * size * 1.5, width: Array.from(text).length * size, size })) };
}

function page(blocks: PdfBlock[], number = 1): PdfPage {
  return { number, width: 600, height: 800, blocks };
}

const RUNNING_HEAD = (number: number) => block([`人民日报 2026年4月8日 星期三 第${number}版`], 40, 30, 9);
const FOLIO = (number: number) => block([String(number)], 300, 780, 9);

const bodyA = ['本报北京4月7日电 记者从有关部门获悉，今年', '一季度全国新开工重大项目数量同比增长，', '投资结构持续优化。'];
const bodyB = ['春耕时节，田间地头一派繁忙景象。农民们抢抓', '农时，播种施肥，确保粮食生产开好局。'];
const bodyC = [...bodyB, '各地抢抓农时，春耕生产有序推进。'];

describe('pdfArticleFrames', () => {
  it('frames a headline with the text under it, and a headline printed after its text with that text', () => {
    const layout: PdfLayout = {
      pages: [page([block(['重大项目加快建设'], 40, 100, 20), block(bodyA, 40, 130), block(bodyB, 300, 100), block(['春耕备耕忙'], 300, 140, 20)])],
    };
    const [frames] = pdfArticleFrames(layout);
    expect(frames!.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw))).toEqual([
      ['重大项目加快建设', ...bodyA],
      ['春耕备耕忙', ...bodyB],
    ]);
    expect(frames![1]!.hints.filter(Boolean)).toEqual(['heading', 'text', 'text']);
  });

  it('frames a headline with the text under it also when the stream draws the headline last', () => {
    const layout: PdfLayout = {
      pages: [page([block(bodyA, 40, 130), block(bodyB, 300, 130), block(['春耕备耕忙'], 300, 100, 20), block(['重大项目加快建设'], 40, 100, 20)])],
    };
    const [frames] = pdfArticleFrames(layout);
    expect(frames!.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.text)[0])).toEqual(['重大项目加快建设', '春耕备耕忙']);
  });

  it('gives a column drawn after another article to the article whose text it goes on from', () => {
    const nextColumn = ['结构持续优化，重点领域投资较快增长。'];
    const layout: PdfLayout = {
      pages: [page([block(['重大项目加快建设'], 40, 100, 20), block(bodyA, 40, 130), block(['春耕备耕忙'], 500, 100, 20), block(bodyB, 500, 130), block(nextColumn, 265, 130)])],
    };
    const [frames] = pdfArticleFrames(layout);
    expect(frames!.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw))).toEqual([
      ['重大项目加快建设', ...bodyA, ...nextColumn],
      ['春耕备耕忙', ...bodyB],
    ]);
  });

  it('goes on with the article a page stops mid-sentence in, from text no headline opens at the next page\'s top', () => {
    const runOn = ['们并不感到意外。“遇到事，她一定会上。”', '一位同事说。“危难时刻能靠谁？还是得', '靠这样的警察。”'];
    const layout = (lastLine: string): PdfLayout => ({
      pages: [page([block(['春耕备耕忙'], 40, 100, 20), block([...bodyB, lastLine], 40, 130)], 1), page([block(runOn, 40, 100)], 2)],
    });
    const [first, second] = pdfArticleFrames(layout('她冲上前去制止危机，同事'));
    expect(second).toEqual([]);
    expect(first![0]!.lines.filter((line) => line.text).map((line) => line.raw)).toEqual(['春耕备耕忙', ...bodyB, '她冲上前去制止危机，同事', ...runOn]);
    const [article, ...rest] = runPipeline({ text: 'x', capturedAt: '2026-04-08T00:00:00Z', pdf: layout('她冲上前去制止危机，同事') }).articles;
    expect(rest).toEqual([]);
    expect(article!.paragraphs.join('')).toContain('制止危机，同事们并不感到意外。');
    // A page that stops at a sentence's end: the next page's text is its own.
    expect(pdfArticleFrames(layout('她冲上前去制止了危机。'))[1]).toHaveLength(1);
  });

  it('marks a line or two under all the text at a page\'s foot as furniture (its editors\' line), but not a story\'s first lines right under its headline there', () => {
    // Lines of a column's measure, longer than a running head.
    const foot = ['本报北京6月12日电（王云杉、薛子怡）水电水利规划设计总院近日发布的《中国可再生能源发展报告》显示，', '去年全国可再生能源新增装机占全国新增装机的比重持续提升，已经成为能源绿色低碳转型的主力。'];
    const layout = (headline: boolean): PdfLayout => ({
      pages: [page([block(['重大项目加快建设'], 40, 100, 20), block(bodyA, 40, 130), ...(headline ? [block(['今年风电光伏新增装机约3亿千瓦'], 40, 690, 12)] : []), block(foot, 40, 710)])],
    });
    const textOf = (l: PdfLayout) => pdfArticleFrames(l)[0]!.flatMap((frame) => frame.lines.filter((line, index) => line.text && frame.hints[index] !== 'furniture').map((line) => line.raw));
    expect(textOf(layout(false))).not.toContain(foot[0]);
    expect(textOf(layout(true))).toEqual(expect.arrayContaining(foot));
  });

  it('marks running heads and page numbers as furniture, on one page by their place and size', () => {
    const layout: PdfLayout = { pages: [page([RUNNING_HEAD(5), block(['重大项目加快建设'], 40, 100, 20), block(bodyA, 40, 130), FOLIO(5)])] };
    const lines = pdfArticleFrames(layout)[0]!.flatMap((frame) => frame.lines.map((line) => line.text));
    expect(lines.join('')).not.toContain('人民日报');
    expect(lines).not.toContain('5');
  });

  it('marks a line in the top band as furniture when it repeats on other pages, whatever its size', () => {
    const masthead = (number: number) => block([`经济周刊·第${number}期`], 40, 40, 24);
    const layout: PdfLayout = {
      pages: [1, 2].map((number) => page([masthead(number), block(['重大项目加快建设'], 40, 100, 20), block(bodyA, 40, 130)], number)),
    };
    for (const frames of pdfArticleFrames(layout)) {
      expect(frames.flatMap((frame) => frame.lines.map((line) => line.text))).not.toContain('经济周刊·第1期');
      expect(frames.flatMap((frame) => frame.lines.map((line) => line.text))).not.toContain('经济周刊·第2期');
    }
  });

  it('frames a headline set top to bottom with the text left of it, where vertical writing starts, not the next article\'s text right of it', () => {
    // A vertical line: one glyph wide, `height` down from its top to its last baseline.
    const vertical = (text: string, x: number, top: number, size = 16): PdfBlock => ({
      lines: [{ text, x, y: top + Array.from(text).length * size, width: size, size, height: Array.from(text).length * size }],
    });
    const nextBody = ['扔掉厚重的棉袄，收拾洗刷完毕，', '从厨房走出，吆喝一声。'];
    const layout: PdfLayout = {
      pages: [page([block(bodyA, 40, 100), vertical('重大项目加快建设', 268, 90), block(nextBody, 294, 100), vertical('春耕备耕忙', 452, 90)])],
    };
    const [frames] = pdfArticleFrames(layout);
    expect(frames!.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw))).toEqual([
      ['重大项目加快建设', ...bodyA],
      ['春耕备耕忙', ...nextBody],
    ]);
  });

  it('opens a text in columns at its first column where the headline stands right of the last one', () => {
    const vertical = { lines: [{ text: '春耕备耕忙', x: 392, y: 180, width: 16, size: 16, height: 80 }] };
    const columns = [['春耕时节，田间地头一派', '繁忙景象。农民们抢抓'], ['农时，播种施肥，确保', '粮食生产开好局。']];
    const layout: PdfLayout = { pages: [page([block(columns[0]!, 40, 110), block(columns[1]!, 280, 110), vertical])] };
    const [frames] = pdfArticleFrames(layout);
    expect(frames!.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw))).toEqual([['春耕备耕忙', ...columns.flat()]]);
  });

  it('opens a text in columns at its first column, under a photo, where the headline stands right of the last one: byline, caption and all', () => {
    const columns = [['春耕时节，田间地头一派', '繁忙景象。农民们抢抓', '农时，播种施肥，确保', '粮食生产开好局。'], ['农资供应充足，价格', '总体平稳。各地春耕生产', '有序推进，农业生产开局', '良好，夏粮丰收有了', '好基础，农民们', '干劲十足，信心满满，', '田野里一派繁忙。']];
    const layout: PdfLayout = {
      pages: [
        page([
          block(['重大项目加快建设'], 40, 60, 20),
          block(bodyA, 40, 90),
          block(['李瑞'], 40, 170, 9),
          block(['图为春耕现场。 记者 李瑞 摄'], 40, 250, 8),
          block(columns[0]!, 40, 270),
          block(columns[1]!, 200, 170),
          { lines: [{ text: '春耕备耕忙', x: 330, y: 250, width: 16, size: 16, height: 80 }] },
        ]),
      ],
    };
    const [first, second] = pdfArticleFrames(layout)[0]!;
    expect(first!.lines.map((line) => line.raw).filter(Boolean)).toEqual(['重大项目加快建设', ...bodyA]);
    expect(second!.lines.map((line) => line.raw)).toEqual(expect.arrayContaining(['春耕备耕忙', '李瑞', '图为春耕现场。 记者 李瑞 摄', ...columns.flat()]));
  });

  it('reads a vertical headline\'s kicker, set in two vertical lines right of its title, as its kicker, quotation marks drawn apart and all', () => {
    const vertical = (text: string, x: number, bottom: number, size: number, height: number): PdfBlock => ({ lines: [{ text, x, y: bottom, width: size, size, height }] });
    const layout: PdfLayout = {
      pages: [
        page([
          block(bodyC, 40, 90),
          block(['“'], 250, 84, 12),
          vertical('人权行动看中国·2026', 246, 216, 12, 132),
          block(['”'], 250, 133, 12),
          vertical('主题参访活动走进天津', 246, 246, 12, 110),
          vertical('近距离感受民众的获得感', 222, 300, 19, 220),
        ]),
      ],
    };
    const frame = pdfArticleFrames(layout)[0]!.find((article) => article.hints.includes('heading'));
    const headline = frame!.lines.map((line, index) => [line.raw, frame!.hints[index]]).filter(([, hint]) => hint === 'kicker' || hint === 'heading');
    expect(headline).toEqual([
      ['“人权行动看中国·2026”主题参访活动走进天津', 'kicker'],
      ['近距离感受民众的获得感', 'heading'],
    ]);
  });

  it('opens the column under a pull quote beside a vertical headline: the column starts where the quote did', () => {
    const under = ['春耕时节，田间地头一派', '繁忙景象。农民们抢抓', '农时，播种施肥。确保', '粮食生产开好局。'];
    const layout: PdfLayout = {
      pages: [
        page([
          block(['重大项目加快建设'], 40, 40, 20),
          block(bodyA, 40, 70),
          block(['“农民们抢抓农时，', '播种施肥。”'], 40, 150, 16),
          block(under, 40, 200),
          { lines: [{ text: '春耕备耕忙', x: 170, y: 185, width: 16, size: 16, height: 50 }] },
        ]),
      ],
    };
    const frames = pdfArticleFrames(layout)[0]!;
    expect(frames.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw))).toEqual([
      ['重大项目加快建设', ...bodyA],
      ['春耕备耕忙', ...under],
    ]);
  });

  it('opens the first column left of a vertical headline where a pull quote stands in the next one, the text over the quote that column\'s own', () => {
    const first = ['春耕时节，田间地头一派', '繁忙景象。农民们抢抓', '农时，播种施肥，确保', '粮食生产开好局。'];
    // The text over the quote ends short of the headline; the text under it reaches it.
    const over = ['各地抢抓农时，春耕', '生产有序推进。'];
    const under = ['农资供应充足，价格总体', '平稳，夏粮丰收有基础。'];
    const layout: PdfLayout = {
      pages: [
        page([
          block(['重大项目加快建设'], 40, 40, 20),
          block(bodyA, 40, 70),
          block(first, 40, 160),
          block(over, 180, 160),
          block(['“春耕生产有序推进。”'], 180, 200, 14),
          block(under, 180, 225),
          { lines: [{ text: '春耕备耕忙', x: 320, y: 230, width: 16, size: 16, height: 80 }] },
        ]),
      ],
    };
    const frames = pdfArticleFrames(layout)[0]!;
    expect(frames.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw))).toEqual([
      ['重大项目加快建设', ...bodyA],
      ['春耕备耕忙', ...first, ...over, ...under],
    ]);
  });

  it('frames a headline standing right of its text at its top', () => {
    const layout: PdfLayout = { pages: [page([block(bodyB, 40, 100), block(['春耕备耕忙'], 300, 100, 20)])] };
    const [frames] = pdfArticleFrames(layout);
    expect(frames!.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw))).toEqual([['春耕备耕忙', ...bodyB]]);
  });

  it('marks a running head at the foot of the text as furniture however much blank paper lies under it', () => {
    const column = Array.from({ length: 36 }, (_, index) => `第${index + 1}行正文，春耕时节田间地头一派繁忙。`);
    const foot = block(['人民日报生态 2026年4月8日 星期三 14'], 40, 660, 9);
    const layout: PdfLayout = { pages: [page([block(['重大项目加快建设'], 40, 80, 20), block(column, 40, 100), foot])] };
    const lines = pdfArticleFrames(layout)[0]!.flatMap((frame) => frame.lines.map((line) => line.text));
    expect(lines.join('')).not.toContain('星期三');
    expect(lines.filter((text) => text.startsWith('第'))).toHaveLength(column.length);
  });

  it('keeps the last lines of a short page\'s text: the edge band is a share of the text, not a fixed width', () => {
    const layout: PdfLayout = { pages: [page([block(['重大项目加快建设'], 40, 100, 20), block(bodyA, 40, 130), block(['记者 张三'], 40, 180, 9)])] };
    const hints = pdfArticleFrames(layout)[0]!.flatMap((frame) => frame.hints);
    expect(hints).not.toContain('furniture');
  });

  it('gives the next column of a text to that text, not to a headline standing under the column\'s end', () => {
    // A column ends just over the next article's headline; the column drawn after the first one goes on from it.
    const firstColumn = ['本报北京4月7日电 记者从有关部门获悉，今年', '一季度全国新开工重大项目数量同比增长，'];
    const nextColumn = ['投资结构持续优化，重点领域投资较快增长。', '重大项目加快建设，形成更多实物工作量。'];
    const layout: PdfLayout = {
      pages: [page([block(['重大项目加快建设'], 40, 100, 20), block(firstColumn, 40, 130), block(nextColumn, 300, 100), block(['春耕备耕忙'], 300, 150, 20), block(bodyB, 300, 260)])],
    };
    const [frames] = pdfArticleFrames(layout);
    expect(frames!.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw))).toEqual([
      ['重大项目加快建设', ...firstColumn, ...nextColumn],
      ['春耕备耕忙', ...bodyB],
    ]);
  });

  it('gives the next column of a text to that text where a headline tight under its end spans wider than the column', () => {
    const firstColumn = ['本报北京4月7日电 记者从有关部门获悉，今年', '一季度全国新开工重大项目数量同比增长，', '投资结构持续优化，重点领域投资较快增长。', '重大项目加快建设，形成更多实物工作量。'];
    const nextColumn = ['各地抢抓农时，春耕生产有序推进，', '农资供应充足，价格总体平稳。', '春耕时节，田间地头一派繁忙景象。', '农民们抢抓农时，播种施肥，', '确保粮食生产开好局。', '各地春耕生产有序推进。', '农业生产开局良好。'];
    const layout: PdfLayout = {
      // The next story's headline runs under both columns, tight under the second one's end.
      pages: [page([block(['重大项目加快建设'], 40, 100, 20), block(firstColumn, 40, 130), block(nextColumn, 300, 100), block(['锻造更加坚强的英雄人民军队建功新时代'], 40, 212, 20), block(bodyC, 40, 232)])],
    };
    const [frames] = pdfArticleFrames(layout);
    expect(frames!.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw)[0])).toEqual(['重大项目加快建设', '锻造更加坚强的英雄人民军队建功新时代']);
    expect(frames![0]!.lines.map((line) => line.raw)).toEqual(expect.arrayContaining(nextColumn));
  });

  it('gives a headline the text the stream draws next under it, a photo\'s height down, before a headline under that text claims it', () => {
    const layout: PdfLayout = {
      pages: [page([block(['重大项目加快建设'], 40, 100, 20), block(bodyA, 40, 250), block(['春耕备耕忙'], 40, 310, 20), block(bodyC, 40, 460)])],
    };
    const [frames] = pdfArticleFrames(layout);
    expect(frames!.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw))).toEqual([
      ['重大项目加快建设', ...bodyA],
      ['春耕备耕忙', ...bodyC],
    ]);
  });

  it('drops a pull quote (a sentence of the text set again in large type, a column may break it) and keeps a headline that quotes its text', () => {
    const text = ['“为救群众而受伤的疤痕，是自豪的勋章。”她说。春耕时节，', '田间地头一派繁忙景象。农民们抢抓农时。'];
    const layout: PdfLayout = {
      pages: [
        page([
          block(['“为救群众而受伤的疤痕，是自豪的勋章”'], 40, 100, 20),
          block(text, 40, 130),
          block(['春耕时节，田间地头'], 40, 180, 14),
          block(['一派繁忙景象。'], 300, 100, 14),
          block(bodyB, 300, 130),
        ]),
      ],
    };
    const lines = pdfArticleFrames(layout)[0]!.flatMap((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw));
    expect(lines[0]).toBe('“为救群众而受伤的疤痕，是自豪的勋章”');
    expect(lines).not.toContain('春耕时节，田间地头');
    expect(lines).not.toContain('一派繁忙景象。');
    expect(lines).toEqual(expect.arrayContaining([...text, ...bodyB]));
  });

  it('drops a pull quote in quotation marks the text does not print there, with the line under it naming its speaker', () => {
    const text = ['春耕时节，田间地头一派繁忙景象。各地抢抓农时，', '春耕生产有序推进。农民们播种施肥，确保粮食', '生产开好局。农资供应充足，价格总体平稳。'];
    const after = ['各地春耕生产有序推进，农业生产开局良好。', '农资供应充足，价格总体平稳，', '夏粮丰收有了好基础。'];
    const layout: PdfLayout = {
      pages: [
        page([
          block(['春耕备耕忙'], 40, 100, 20),
          block(text, 40, 130),
          block(['“各地抢抓农时，春耕生产有序推进。”'], 40, 195, 14),
          block(['——村党支部书记王芳'], 160, 216, 11),
          block(after, 40, 240),
        ]),
      ],
    };
    const frames = pdfArticleFrames(layout)[0]!;
    expect(frames.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw))).toEqual([['春耕备耕忙', ...text, ...after]]);
  });

  it('drops a quote that is no sentence when a line naming its speaker stands under it, set off from its left edge; keeps a title over a subtitle opening with a dash', () => {
    const text = ['春耕时节，田间地头一派繁忙景象。各地抢抓农时，', '春耕生产有序推进，农民们播种施肥，确保粮食', '生产开好局。'];
    const quoted = (byX: number): PdfLayout => ({
      pages: [page([block(['重大项目加快建设'], 40, 60, 20), block(text, 40, 90), block(['“春耕生产有序推进”'], 40, 150, 14), block(['——村党支部书记王芳'], byX, 171, 12), block(bodyB, 40, 195)])],
    });
    const titles = (layout: PdfLayout) => pdfArticleFrames(layout)[0]!.map((frame) => frame.lines.find((line) => line.text)!.raw);
    expect(titles(quoted(160))).toEqual(['重大项目加快建设']);
    // The same lines flush left: a title that quotes its text, and its subtitle.
    expect(titles(quoted(40))).toEqual(['重大项目加快建设', '“春耕生产有序推进”']);
  });

  it('drops a speaker\'s line set in the body\'s type at the head of the text under a pull quote', () => {
    const text = ['春耕时节，田间地头一派繁忙景象。各地抢抓农时，', '春耕生产有序推进。农民们播种施肥，确保粮食', '生产开好局。'];
    const after = ['农资供应充足，价格总体平稳。各地春耕', '生产有序推进，农业生产开局良好，夏粮', '丰收有了好基础。'];
    const under: PdfBlock = { lines: [{ text: '——村党支部书记王芳', x: 180, y: 172, width: 100, size: BODY }, ...block(after, 40, 187).lines] };
    const layout: PdfLayout = { pages: [page([block(['春耕备耕忙'], 40, 60, 20), block(text, 40, 90), block(['“各地抢抓农时，春耕生产有序推进。”'], 40, 150, 14), under])] };
    const [article] = runPipeline({ text: 'x', capturedAt: '2026-04-08T00:00:00Z', pdf: layout }).articles;
    expect(article!.title).toBe('春耕备耕忙');
    expect(article!.paragraphs.join('')).not.toContain('王芳');
    expect(article!.paragraphs.join('')).toContain('丰收有了好基础。');
  });

  it('takes a series\' name in body type right over a headline as its kicker, not a caption in smaller type', () => {
    const layout: PdfLayout = {
      pages: [
        page([
          RUNNING_HEAD(1),
          block(['权威发布'], 40, 160),
          block(['重大项目加快建设'], 40, 186, 20),
          block(bodyA, 40, 210),
          block(['图为春耕现场。 记者 张三 摄'], 40, 270, 8),
          block(['春耕备耕忙'], 40, 296, 20),
          block(bodyC, 40, 320),
        ]),
      ],
    };
    const frames = pdfArticleFrames(layout)[0]!;
    const hintOf = (text: string) => frames.flatMap((frame) => frame.lines.map((line, index) => [line.raw, frame.hints[index]] as const)).find(([raw]) => raw === text)?.[1];
    expect(hintOf('权威发布')).toBe('kicker');
    expect(hintOf('图为春耕现场。 记者 张三 摄')).not.toBe('kicker');
    const articles = runPipeline({ text: 'x', capturedAt: '2026-04-08T00:00:00Z', pdf: layout }).articles;
    expect(articles.map((article) => article.title)).toEqual(['重大项目加快建设', '春耕备耕忙']);
    expect(articles[0]!.paragraphs.join('')).not.toContain('权威发布');
  });

  it('takes a few characters right over a headline stacked a glyph or two a line as its tag, so it opens the columns beside it', () => {
    const columns = [['春耕时节，田间地头一派', '繁忙景象。农民们抢抓', '农时，播种施肥。'], ['确保粮食生产开好局，', '农资供应充足，价格', '总体平稳。']];
    const layout: PdfLayout = {
      pages: [
        page([
          block(['重大项目加快建设'], 40, 40, 20),
          block(bodyA, 40, 64),
          block(columns[0]!, 40, 140),
          block(columns[1]!, 160, 140),
          block(['探秘', '博物', '馆'], 270, 140, 9),
          block(['“距', '今”', '的今', '是哪', '年？'], 270, 190, 16),
        ]),
      ],
    };
    const articles = runPipeline({ text: 'x', capturedAt: '2026-04-08T00:00:00Z', pdf: layout }).articles;
    expect(articles.map((article) => article.title)).toEqual(['重大项目加快建设', '“距今”的今是哪年？']);
    expect(articles[1]!.paragraphs.join('')).toContain('确保粮食生产开好局');
    expect(articles[1]!.paragraphs.join('')).toContain('春耕时节');
  });

  it('drops words set large at a column\'s head that the text right under them opens with, cut mid-sentence', () => {
    const under = ['生命体死亡之后，体内碳十四得不到补', '充，持续缓慢衰变，直到全部消失。'];
    const layout: PdfLayout = {
      pages: [page([block(['“距今”的今是哪年'], 40, 60, 20), block(bodyC, 40, 90), block(['生命体死亡之后，体内碳十四得不到补充'], 300, 104, 14), block(under, 300, 125)])],
    };
    const frames = pdfArticleFrames(layout)[0]!.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw));
    expect(frames).toEqual([['“距今”的今是哪年', ...bodyC, ...under]]);
  });

  it('drops words the text tells set large in quotation marks; keeps a headline in quotation marks quoting a speaker its text quotes', () => {
    const layout = (under: string[]): PdfLayout => ({
      pages: [page([block(['春耕备耕忙'], 40, 60, 20), block(bodyC, 40, 90), block(['“全国新开工重大项目数量同比增长”'], 40, 150, 14), block(under, 40, 165)])],
    });
    const titles = (l: PdfLayout) => pdfArticleFrames(l)[0]!.map((frame) => frame.lines.find((line) => line.text)!.raw);
    expect(titles(layout(['据统计，全国新开工重大项目数量同比增长，', '投资结构持续优化。']))).toEqual(['春耕备耕忙']);
    expect(titles(layout(['他说：“全国新开工重大项目数量同比增长，', '投资结构持续优化。”']))).toEqual(['春耕备耕忙', '“全国新开工重大项目数量同比增长”']);
  });

  it('takes a headline in one type whose words the article over it prints, and its own text does not, as a pull quote inside that article', () => {
    const text = ['本报北京4月7日电 记者从有关部门获悉，今年', '一季度全国新开工重大项目数量同比增长，', '重点领域投资较快增长，投资结构持续优化。'];
    const under = ['重大项目加快建设，形成更多实物工作量。', '各地重大项目建设进展顺利，', '投资拉动作用持续显现。'];
    const layout = (quote: string): PdfLayout => ({
      // Set nearer the text under it than the text over it, as a headline is.
      pages: [page([block(['重大项目加快建设'], 40, 60, 20), block(text, 40, 90), block([quote], 40, 150, 14), block(under, 40, 168)])],
    });
    const titles = (l: PdfLayout) => pdfArticleFrames(l)[0]!.map((frame) => frame.lines.find((line) => line.text)!.raw);
    expect(titles(layout('重点领域投资较快增长'))).toEqual(['重大项目加快建设']);
    expect(pdfArticleFrames(layout('重点领域投资较快增长'))[0]![0]!.lines.map((line) => line.raw)).toEqual(expect.arrayContaining([...text, ...under]));
    // Words its own text prints under it: a headline quoting its text.
    expect(titles(layout('形成更多实物工作量'))).toEqual(['重大项目加快建设', '形成更多实物工作量']);
  });

  it('drops words of a later sentence set large into a column, set off alike from the text over and under them; keeps a headline set nearer its text, or nearer the text over it', () => {
    const over = ['春耕时节，田间地头一派繁忙景象。', '农民们抢抓农时，播种施肥。'];
    const under = ['农资供应充足，价格总体平稳，', '各地抢抓农时春耕生产有序推进。'];
    // The text over ends 105 points down; the quote is 14 points tall.
    const layout = (above: number, below: number): PdfLayout => ({
      pages: [page([block(['春耕备耕忙'], 40, 60, 20), block(over, 40, 90), block(['各地抢抓农时春耕生产有序推进'], 40, 119 + above, 14), block(under, 40, 129 + above + below)])],
    });
    const frames = (l: PdfLayout) => pdfArticleFrames(l)[0]!.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw));
    expect(frames(layout(21, 21))).toEqual([['春耕备耕忙', ...over, ...under]]);
    expect(frames(layout(21, 8)).map((lines) => lines[0])).toEqual(['春耕备耕忙', '各地抢抓农时春耕生产有序推进']);
    // Nearer the text over it: a headline printed after its text.
    expect(frames(layout(8, 21)).map((lines) => lines[0]).sort()).toEqual(['各地抢抓农时春耕生产有序推进', '春耕备耕忙']);
  });

  it('goes on with the text under a pull quote across the columns from the text over it, not with a headline under that text', () => {
    const columns = (y: number, lines: string[][]) => lines.map((text, index) => block(text, 40 + index * 180, y));
    const over = [['春耕时节，田间地头一派', '繁忙景象。各地抢抓农时，'], ['春耕生产有序推进。农民', '们播种施肥，确保粮食'], ['生产开好局。农资供应', '充足，价格总体平稳。']];
    const under = [['农业生产开局良好，各地'], ['春耕生产有序推进，夏粮'], ['丰收有了好基础。']];
    const layout: PdfLayout = {
      pages: [
        page([
          block(['春耕备耕忙'], 40, 60, 20),
          ...columns(90, over),
          block(['“各地抢抓农时，春耕生产有序推进。”'], 40, 140, 16),
          ...columns(165, under),
          // The next story's headline right under the first column, its text under a photo.
          block(['重大项目加快建设'], 40, 200, 14),
          block(bodyA, 40, 330),
        ]),
      ],
    };
    const frames = pdfArticleFrames(layout)[0]!;
    expect(frames.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw))).toEqual([
      ['春耕备耕忙', ...over.flat(), ...under.flat()],
      ['重大项目加快建设', ...bodyA],
    ]);
  });

  it('takes a short word set top to bottom in body type right beside a vertical headline as its tag, not as its text', () => {
    const vertical = (text: string, x: number, top: number, size: number): PdfBlock => ({
      lines: [{ text, x, y: top + Array.from(text).length * size, width: size, size, height: Array.from(text).length * size }],
    });
    const columns = [['今年1月，记录日本军国主义', '反人类暴行的中国电影正式', '登陆韩国院线，受到关注。'], ['一些韩国国民曾在日本殖民', '统治时期遭受苦难，看完', '电影久久不能平静。']];
    const layout: PdfLayout = {
      pages: [page([vertical('环球走笔', 62, 60, BODY), vertical('不能忘记的黑暗历史', 40, 60, 19), block(columns[0]!, 90, 70), block(columns[1]!, 340, 70)])],
    };
    const frames = pdfArticleFrames(layout)[0]!;
    expect(frames).toHaveLength(1);
    const hinted = frames[0]!.lines.map((line, index) => [line.raw, frames[0]!.hints[index]]).filter(([raw]) => raw);
    expect(hinted).toEqual([['环球走笔', 'kicker'], ['不能忘记的黑暗历史', 'heading'], ...columns.flat().map((text) => [text, 'text'])]);
  });

  it('opens the text beside a headline set top to bottom, not a short line over it (its column\'s tag)', () => {
    const columns = [['春耕时节，田间地头一派', '繁忙景象。农民们抢抓'], ['农时，播种施肥，确保', '粮食生产开好局。']];
    const layout: PdfLayout = {
      pages: [
        page([
          block(bodyA, 40, 40),
          block(columns[0]!, 40, 110),
          block(columns[1]!, 280, 110),
          block(['在现场'], 392, 110),
          { lines: [{ text: '春耕备耕忙', x: 392, y: 200, width: 18, size: 18, height: 90 }] },
        ]),
      ],
    };
    const frames = pdfArticleFrames(layout)[0]!;
    const opened = frames.find((frame) => frame.lines.some((line) => line.raw === '春耕备耕忙'))!;
    expect(opened.lines.map((line) => line.raw)).toEqual(expect.arrayContaining(columns.flat()));
  });

  it('reads a headline a narrow measure broke into blocks of one type as one headline, in the stream\'s order', () => {
    const layout: PdfLayout = {
      pages: [page([block(bodyB, 40, 100), block(['原创'], 272, 100, 16), block(['技术突'], 272, 124, 16), block(['破“瓶颈”'], 272, 148, 16)])],
    };
    const [article] = runPipeline({ text: 'x', capturedAt: '2026-04-08T00:00:00Z', pdf: layout }).articles;
    expect(article!.title).toBe('原创技术突破“瓶颈”');
  });

  it('tells a headline\'s kicker and subtitle from its title by their smaller type, whatever their length', () => {
    const layout: PdfLayout = {
      pages: [page([block(['“张雪机车”夺冠掀起一波消费热潮'], 40, 80, 12), block(['中国品牌在拉美“圈粉”'], 40, 106, 20), block(['摩托车出口一季度同比增长三成以上'], 40, 126, 12), block(bodyA, 40, 150)])],
    };
    const [frame] = pdfArticleFrames(layout)[0]!;
    expect(frame!.hints.filter(Boolean)).toEqual(['kicker', 'heading', 'subtitle', 'text', 'text', 'text']);
    // Kicker and title alone: the text says the longer line over a shorter one is the title; the type says otherwise.
    const twoBlocks: PdfLayout = { pages: [page([layout.pages[0]!.blocks[0]!, layout.pages[0]!.blocks[1]!, block(bodyA, 40, 130)])] };
    const [article] = runPipeline({ text: 'x', capturedAt: '2026-04-08T00:00:00Z', pdf: twoBlocks }).articles;
    expect(article).toMatchObject({ kicker: '“张雪机车”夺冠掀起一波消费热潮', title: '中国品牌在拉美“圈粉”' });
  });

  it('keeps a photo\'s caption and the text right under it with the headline over the photo, from a headline under that text', () => {
    const caption = block(['图为春耕现场。 记者 张三 摄'], 40, 250, 8);
    const layout: PdfLayout = {
      pages: [page([block(['重大项目加快建设'], 40, 100, 20), caption, block(bodyA, 40, 265), block(['春耕备耕忙'], 40, 330, 20), block(bodyC, 40, 480)])],
    };
    const [frames] = pdfArticleFrames(layout);
    expect(frames!.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw))).toEqual([
      ['重大项目加快建设', '图为春耕现场。 记者 张三 摄', ...bodyA],
      ['春耕备耕忙', ...bodyC],
    ]);
  });

  // Columns of one measure (12 characters of 10 pt), 20 pt apart.
  const colA = ['在“中国丝网之乡”河北安平县，', '上万家丝网工贸企业开足马力，勾', '勒着年产值超千亿元的产业画卷。', '走进车间，一种规格达四百八十目'];
  const colB = ['不锈钢印刷网薄如蝉翼，泛着银白', '色光泽，正在智能编织机上缓缓成', '形。这是河北省首个“众筹科研”', '项目结出的硕果，实现了国产化。'];
  const textOf = (frames: ReturnType<typeof pdfArticleFrames>[number]) => frames.map((frame) => frame.lines.filter((line) => line.text).map((line) => line.raw));

  it('reads a headline set tight under a story in two columns, spanning both, as that story\'s, and gives no headline beside them its second column', () => {
    const photoStory = ['眼下正值农牧民接春羔的关键时节，', '甘肃张掖肃南裕固族自治县的牧场', '上，新生的羊羔活蹦乱跳。'];
    const layout: PdfLayout = {
      pages: [
        page([
          block(colA, 40, 100),
          block([...colB, '开局良好，企业订单排到了年底。'], 200, 100),
          // Wider than the first column, within the two; 5 pt under the second one's last line, 20 pt under the first one's.
          block(['河北安平小丝网织出千亿元产业链'], 40, 185, 20),
          // The next story's headline beside the second column, a gutter right of it; its text under a photo.
          block(['草原添生机'], 380, 100, 16),
          block(photoStory, 380, 300),
        ]),
      ],
    };
    expect(textOf(pdfArticleFrames(layout)[0]!)).toEqual([
      ['河北安平小丝网织出千亿元产业链', ...colA, ...colB, '开局良好，企业订单排到了年底。'],
      ['草原添生机', ...photoStory],
    ]);
  });

  it('reads a headline tight under two columns as the next story\'s where their flow runs on into another story in its last column', () => {
    const colC = ['记者从有关部门获悉，今年一季度', '全国新开工重大项目数量同比增长'];
    const layout: PdfLayout = {
      pages: [
        page([
          block(['重大项目加快建设'], 40, 70, 20),
          block(colA, 40, 100),
          block([...colB, colC[0]!], 200, 100),
          block(colC.slice(1), 360, 100),
          // Another story's headline and text under the last column's end, in that column.
          block(['春耕备耕忙'], 360, 145, 14),
          block(bodyB, 360, 165),
          // 5 pt under the second column's end, 20 pt under the first one's, 12 pt over its own text.
          block(['锻造更加坚强的英雄人民军队'], 40, 185, 20),
          block(bodyC, 40, 207),
        ]),
      ],
    };
    expect(textOf(pdfArticleFrames(layout)[0]!).map((lines) => lines[0])).toEqual(['重大项目加快建设', '春耕备耕忙', '锻造更加坚强的英雄人民军队']);
    expect(textOf(pdfArticleFrames(layout)[0]!)[2]).toEqual(['锻造更加坚强的英雄人民军队', ...bodyC]);
  });

  it('reads a headline tight under two columns as theirs, not as the story\'s left of them set to a wider measure', () => {
    // A story across 30 characters, ending lower than the two columns right of it start.
    const wide = ['应国务院总理李强邀请，西班牙首相桑切斯将于4月11日至15日对中国进行正式访问。', '新华社北京4月10日电'];
    const layout: PdfLayout = {
      pages: [
        page([
          block(['西班牙首相今起访华'], 40, 110, 16),
          block(wide, 40, 135),
          block(colA, 480, 100),
          block(colB, 640, 100),
          block(['希望更多年轻人参与到匈中友好事业中来'], 480, 165, 16),
        ]),
      ],
    };
    expect(textOf(pdfArticleFrames(layout)[0]!)).toEqual([
      ['西班牙首相今起访华', ...wide],
      ['希望更多年轻人参与到匈中友好事业中来', ...colA, ...colB],
    ]);
  });

  it('reads a headline tight under a story\'s one column as its own where the cell beside it, as wide, holds a story reaching further down', () => {
    const layout: PdfLayout = {
      pages: [
        page([
          block(['近距离感受民众的获得感'], 40, 90, 14),
          block([...colA, ...colB], 40, 110),
          // The next cell's story starts higher, ends over its headline, level with the first story's middle.
          block(colB.slice(0, 3), 200, 100),
          block(['生态环境法典注入新动能'], 200, 150, 14),
        ]),
      ],
    };
    expect(textOf(pdfArticleFrames(layout)[0]!)).toEqual([
      ['近距离感受民众的获得感', ...colA, ...colB],
      ['生态环境法典注入新动能', ...colB.slice(0, 3)],
    ]);
  });

  it('reads a headline under the lowest foot of its story\'s columns as theirs where a photo leaves the columns uneven', () => {
    const layout: PdfLayout = {
      pages: [
        page([
          // A photo's caption over the first column, which starts lower and ends 15 pt over the second one's end.
          block(['图为河北丝筘金属制品有限公司车间。'], 40, 108, 8),
          block(colA.slice(0, 2), 40, 130),
          block([...colB, '开局良好，企业订单排到了年底。'], 200, 100),
          // Under the first column only: 20 pt under its end, 5 pt under the second one's.
          block(['小丝网织出千亿元'], 40, 185, 20),
        ]),
      ],
    };
    expect(textOf(pdfArticleFrames(layout)[0]!)).toEqual([
      ['小丝网织出千亿元', '图为河北丝筘金属制品有限公司车间。', ...colA.slice(0, 2), ...colB, '开局良好，企业订单排到了年底。'],
    ]);
  });

  it('keeps a subtitle set under a line of its type from its title as one headline, and takes a headline a story\'s margin under it as the next story\'s', () => {
    const layout = (gap: number): PdfLayout => ({
      pages: [
        page([
          block(colA, 40, 100),
          block(['河北安平小丝网织出千亿元产业链'], 40, 170, 20),
          // 14 pt type, `gap` points under the title; its own text under a photo.
          block(['草原添生机'], 40, 170 + gap + 14, 14),
          block(bodyC, 40, 350),
        ]),
      ],
    });
    // 20 pt: more than a line of the smaller type, less than one of the title's.
    expect(textOf(pdfArticleFrames(layout(20))[0]!).map((lines) => lines[0])).toEqual(['河北安平小丝网织出千亿元产业链', '草原添生机']);
    expect(pdfArticleFrames(layout(12))[0]!.map((frame) => frame.hints.filter((hint) => hint && hint !== 'text'))).toEqual([['heading', 'subtitle']]);
  });

  it('marks small type right under a headline as its byline', () => {
    const layout: PdfLayout = { pages: [page([block(['重大项目加快建设'], 40, 100, 20), block(['张三'], 40, 125, 8), block(bodyA, 40, 140)])] };
    const [frame] = pdfArticleFrames(layout)[0]!;
    expect(frame!.hints.filter(Boolean)).toEqual(['heading', 'byline', 'text', 'text', 'text']);
  });
});

describe('runPipeline with a PDF layout', () => {
  const layout: PdfLayout = {
    pages: [
      page([RUNNING_HEAD(1), block(['重大项目加快建设'], 40, 100, 20), block(bodyA, 40, 130), block(bodyB, 300, 100), block(['春耕备耕忙'], 300, 140, 20), FOLIO(1)], 1),
      page([RUNNING_HEAD(2), block(['第二版的新闻标题'], 40, 100, 20), block(bodyA.map((line) => line.replace('一季度', '二季度')), 40, 130), FOLIO(2)], 2),
    ],
  };
  const text = 'page text as sent beside the layout';
  const result = runPipeline({ text, capturedAt: '2026-04-08T00:00:00Z', pdf: layout });

  it('titles each article by its headline, in page order, and never by a running head or page number', () => {
    expect(result.articles.map((article) => article.title)).toEqual(['重大项目加快建设', '春耕备耕忙', '第二版的新闻标题']);
  });

  it('loses no line of text and invents none', () => {
    const out = result.articles.flatMap((article) => article.paragraphs).join('');
    const bodies = [...bodyA, ...bodyB, ...bodyA.map((line) => line.replace('一季度', '二季度'))].join('').replace(/\s+/g, '');
    expect(out.replace(/\s+/g, '').length).toBe(bodies.length);
    for (const line of [...bodyA, ...bodyB]) expect(out.replace(/\s+/g, '')).toContain(line.replace(/\s+/g, ''));
  });
});
