// The quality bars of issue 3 on the three shared gold pages, scored with the figures of
// ../shared/tools/score-split.mjs. `npm run eval` prints the same figures for every gold page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../worker/src/pipeline';
import { scoreSplit } from '../../scripts/lib/score';
import type { GoldPage } from '../../scripts/lib/score';
import { CORPUS_DIR } from '../../scripts/lib/source-articles';

function scoreSharedPage(name: string) {
  const text = readFileSync(join(CORPUS_DIR, `${name}.txt`), 'utf8');
  const gold = JSON.parse(readFileSync(join(CORPUS_DIR, `${name}.gold.json`), 'utf8')) as GoldPage;
  return scoreSplit(gold, runPipeline({ text, capturedAt: '2025-01-01T00:00:00.000Z' }).articles);
}

describe('split quality', () => {
  it('splits the seed page into its six articles exactly', () => {
    const actual = scoreSharedPage('seed-page');
    expect({
      f1: actual.f1,
      recovered: `${actual.recovered}/${actual.goldSentences}`,
      titles: `${actual.titlesOk}/${actual.goldArticles}`,
      captions: `${actual.captionsOk}/${actual.captionsTotal}`,
      spaces: actual.spaces,
      articles: actual.predictedArticles,
    }).toEqual({ f1: 1, recovered: '59/59', titles: '6/6', captions: '3/3', spaces: 0, articles: 6 });
  });

  it.each(['rmrb-2025-03-01-01-web', 'rmrb-2025-03-01-04-web'])('splits the People\'s Daily page %s with F1 ≥ 0.98 and every title', (name) => {
    const actual = scoreSharedPage(name);
    expect(actual.f1).toBeGreaterThanOrEqual(0.98);
    expect(actual.titlesOk).toBe(4);
    expect(actual.spaces).toBe(0);
  });
});
