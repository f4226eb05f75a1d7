// The generated test pages and the scorer the eval uses: the damage functions reproduce what the
// seed page shows, every gold file is consistent with its page, and our scorer prints exactly the
// figures of ../shared/tools/score-split.mjs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../worker/src/pipeline';
import { doubledArt, headlineCuts, justifyLine, spaceAroundNumbers, wrapText } from '../../scripts/lib/page-damage';
import { generatedPageSet, literalPages, pdfPage, webPage } from '../../scripts/lib/page-set';
import { createRng } from '../../scripts/lib/prng';
import { scoreLine, scoreSplit } from '../../scripts/lib/score';
import type { GoldPage, PredictedArticle } from '../../scripts/lib/score';
import { CORPUS_DIR, SHARED_DIR, headlineFromSummary } from '../../scripts/lib/source-articles';
import { cleanForGold, visualWidth } from '../../scripts/lib/text';

const norm = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

describe('justifyLine', () => {
  // Lines 184, 228 and 12 of the seed page, as its PDF copy printed them.
  it.each([
    ['场察看运行情况，慰问一线职工。', '场 察 看 运 行 情 况 ，慰 问 一 线 职 工 。'],
    ['不动摇，切实把坚决拥护“两个确', '不 动 摇 ，切 实 把 坚 决 拥 护“ 两 个 确'],
    ['工业增加值较去年同期和全年提高5.1和2个百分点；', '工 业 增 加 值 较 去 年 同 期 和 全 年 提 高 5.1 和 2 个 百 分 点 ；'],
  ])('spreads %s as the seed page shows it', (input, expected) => {
    expect(justifyLine(input)).toBe(expected);
  });
});

describe('doubledArt', () => {
  it('prints a display headline chunk twice over itself, as 纳 凉纳 凉', () => {
    expect(doubledArt('纳凉')).toBe('纳 凉纳 凉');
  });
});

describe('spaceAroundNumbers', () => {
  it('puts spaces around numbers next to Han characters when the rate is 1', () => {
    expect(spaceAroundNumbers('7月30日，增长8.6%，“33618”', createRng(1), 1)).toBe('7 月 30 日，增长 8.6%，“33618”');
  });

  it('leaves the text alone when the rate is 0', () => {
    expect(spaceAroundNumbers('7月30日', createRng(1), 0)).toBe('7月30日');
  });
});

describe('wrapText', () => {
  it('breaks at the column width, hanging closing punctuation and keeping numbers whole', () => {
    const actual = wrapText('市经济信息委负责人表示，下半年将聚焦重点大区。数字化车间138个。', () => 11);
    expect(actual).toEqual(['市经济信息委负责人表示，', '下半年将聚焦重点大区。', '数字化车间138个。']);
  });

  it('never starts a line with a closing mark nor ends one with an opening mark', () => {
    const text = '他说：“我们要不折不扣抓落实、雷厉风行抓落实。”（记者手记）《关于健全协商民主机制的研究》';
    for (let width = 3; width <= 20; width++) {
      const lines = wrapText(text, () => width);
      expect(lines.join('')).toBe(text);
      for (const line of lines) {
        expect(line).not.toMatch(/^[，。、；：！？”’）》]/);
        expect(line).not.toMatch(/[“‘（《]$/);
      }
    }
  });

  it('breaks English between words only', () => {
    const text = 'The electric ferry that links the old town with the business district resumed service.';
    const lines = wrapText(text, () => 15);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(visualWidth(line)).toBeLessThanOrEqual(15);
  });
});

describe('headlineCuts', () => {
  it('offers no cut inside a number or before closing punctuation', () => {
    const title = '上半年重庆工业经济增加值同比增长8.6%';
    const cuts = headlineCuts(title);
    expect(cuts).toContain(3);
    expect(cuts).not.toContain(title.indexOf('8.6') + 1);
    expect(cuts).not.toContain(title.indexOf('%'));
  });
});

describe('cleanForGold', () => {
  it.each([
    ['本报讯（记者 陈元洪）\n7 月 30 日，市政协党组理论学', '本报讯（记者陈元洪）7月30日，市政协党组理论学'],
    ['工 业 增 加 值 较 去 年 同 期', '工业增加值较去年同期'],
    ['The ferry  resumed\nservice on Monday.', 'The ferry resumed service on Monday.'],
  ])('cleans %j as the gold files do', (input, expected) => {
    expect(cleanForGold(input)).toBe(expected);
  });
});

describe('headlineFromSummary', () => {
  it('cuts a summary at a clause, at most 20 characters, without a final stop', () => {
    const actual = headlineFromSummary('不时不食的概念如今已深入人心。当这明媚的春光洒下来，来自植物的各种芬芳味道便逐渐上桌。');
    expect(actual).toBe('不时不食的概念如今已深入人心');
  });
});

describe('generated and hand-made pages', () => {
  const pages = [...literalPages(), ...generatedPageSet()];

  it('are the same on every run', () => {
    expect(pdfPage(7)).toEqual(pdfPage(7));
    expect(webPage(7)).toEqual(webPage(7));
    expect(pdfPage(7).text).not.toBe(pdfPage(8).text);
  });

  it.each(pages.map((page) => [page.name, page] as const))('%s: every gold paragraph and caption is in the page text', (_name, page) => {
    const text = norm(page.text);
    for (const article of page.gold.articles) {
      for (const part of [...article.paragraphs, ...article.captions]) expect(text).toContain(norm(part));
      for (const piece of article.title.match(/.{1,2}/gu) ?? []) expect(text).toContain(norm(piece));
    }
  });

  it.each(pages.map((page) => [page.name, page] as const))('%s: its gold, taken as a prediction, scores perfectly', (_name, page) => {
    const actual = scoreSplit(page.gold, page.gold.articles);
    expect(actual.f1).toBe(1);
    expect(actual.recovered).toBe(actual.goldSentences);
    expect(actual.titlesOk).toBe(page.gold.articles.length);
    expect(actual.captionsOk).toBe(actual.captionsTotal);
    expect(actual.spaces).toBe(0);
  });

  it('carry every kind of damage of the seed page, many times over', () => {
    const pdfText = pages.filter((page) => page.family === 'pdf').map((page) => page.text).join('\n');
    const count = (pattern: RegExp) => (pdfText.match(pattern) ?? []).length;
    const expected: [string, RegExp][] = [
      ['justified lines', /^(?:[\u4e00-\u9fff] ){8}/gm],
      ['doubled headline art', /^([\u4e00-\u9fff]) ([\u4e00-\u9fff])\1 \2$/gm],
      ['spaces around numbers', /[\u4e00-\u9fff] \d+ [\u4e00-\u9fff]/g],
      ['blank lines mid-sentence', /[\u4e00-\u9fff，、]\n\n[\u4e00-\u9fff]/g],
      ['datelines', /本报讯（记者 /g],
      ['separate byline lines', /^本报记者 /gm],
      ['photo credits', / 摄$/gm],
      ['author lines', /^[□■◎] /gm],
    ];
    for (const [kind, pattern] of expected) expect(count(pattern), kind).toBeGreaterThanOrEqual(5);
  });

  it('put headlines after their bodies on some pages, as the seed page does', () => {
    const after = pages
      .filter((page) => page.family === 'pdf')
      .filter((page) => {
        const text = norm(page.text);
        return page.gold.articles.some((article) => {
          const body = article.paragraphs[0] ? text.indexOf(norm(article.paragraphs[0]).slice(0, 20)) : -1;
          const title = text.indexOf(norm(article.title));
          return title >= 0 && body >= 0 && title > body;
        });
      });
    expect(after.length).toBeGreaterThanOrEqual(15);
  });
});

describe('scoreSplit', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'baozhai-score-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  function sharedScoreLine(gold: GoldPage, predicted: PredictedArticle[]): string {
    const goldPath = join(scratch, 'gold.json');
    const predPath = join(scratch, 'pred.json');
    writeFileSync(goldPath, JSON.stringify(gold));
    writeFileSync(predPath, JSON.stringify({ articles: predicted }));
    const printed = execFileSync(process.execPath, [join(SHARED_DIR, 'tools', 'score-split.mjs'), goldPath, predPath], { encoding: 'utf8' });
    return printed.trim().split('\n').at(-1)!;
  }

  const cases: [string, GoldPage, string][] = [
    ...['seed-page', 'rmrb-2025-03-01-01-web', 'rmrb-2025-03-01-04-web'].map(
      (name) =>
        [
          name,
          JSON.parse(readFileSync(join(CORPUS_DIR, `${name}.gold.json`), 'utf8')) as GoldPage,
          readFileSync(join(CORPUS_DIR, `${name}.txt`), 'utf8'),
        ] as [string, GoldPage, string],
    ),
    ...[pdfPage(3), webPage(5)].map((page) => [page.name, page.gold, page.text] as [string, GoldPage, string]),
  ];

  it.each(cases)('prints the same figures as score-split.mjs on %s', (_name, gold, text) => {
    const pipeline = runPipeline({ text, capturedAt: '2025-01-01T00:00:00.000Z' }).articles;
    const allInOne: PredictedArticle[] = [{ title: gold.articles[0]!.title, paragraphs: gold.articles.flatMap((a) => a.paragraphs) }];
    const spaced: PredictedArticle[] = gold.articles.map((a) => ({ title: a.title.split('').join(' '), paragraphs: a.paragraphs.map((p) => p.replace(/(.)(?=.)/gu, '$1 ')) }));
    for (const predicted of [pipeline, allInOne, spaced, gold.articles.slice(1)]) {
      expect(scoreLine(scoreSplit(gold, predicted))).toBe(sharedScoreLine(gold, predicted));
    }
  });
});
