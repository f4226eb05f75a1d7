// The figures of ../shared/tools/score-split.mjs, computed in process so the eval can score many
// pages quickly. Keep it line for line with that file: tests/pipeline/fixtures.test.ts checks that
// both print the same score line.
export interface GoldArticle {
  title: string;
  subtitle?: string;
  kicker?: string;
  byline?: string;
  accept_titles: string[];
  paragraphs: string[];
  captions: string[];
}

export interface GoldPage {
  source?: string;
  note?: string;
  articles: GoldArticle[];
}

/** Any predicted article: the pipeline's ArticleDraft, or the loose shapes the scorer accepts. */
export interface PredictedArticle {
  title?: string;
  subtitle?: string;
  kicker?: string;
  paragraphs?: string[];
  body?: string;
  text?: string;
  captions?: string[];
  summary?: string;
}

export interface SplitScore {
  predictedArticles: number;
  goldArticles: number;
  precision: number;
  recall: number;
  f1: number;
  recovered: number;
  goldSentences: number;
  titlesOk: number;
  captionsOk: number;
  captionsTotal: number;
  spaces: number;
  summariesOk: number;
  /** Per gold article: whether its title was found, and how many of its sentences. */
  rows: { title: string; predictedTitle: string | null; titleOk: boolean; found: number; sentences: number }[];
}

const norm = (s: unknown): string => String(s ?? '').normalize('NFKC').replace(/\s+/g, '');
const SENT = /[^。！？!?]+[。！？!?]+[”’」』)\]]*|[^。！？!?]+$/g;
export const scorerSentences = (text: string): string[] => (norm(text).match(SENT) ?? []).filter((s) => s.length >= 4);
const bodyOf = (a: PredictedArticle): string =>
  Array.isArray(a.paragraphs) ? a.paragraphs.join('\n') : String(a.body ?? a.text ?? '');
const CJK = '\\u3400-\\u9fff';
const ALLOWED_SPACES = new RegExp(`记者\\s+[${CJK}]|[${CJK}]\\s+摄|摄影\\s+[${CJK}]|电\\s+[${CJK}]`, 'g');
const SPACED = new RegExp(`[${CJK}][ \\t\\u3000]+[${CJK}]`, 'g');

export function scoreSplit(gold: GoldPage, pred: PredictedArticle[]): SplitScore {
  const goldArts = gold.articles.map((g, i) => ({
    i,
    g,
    body: norm(g.paragraphs.join('')),
    sents: scorerSentences(g.paragraphs.join('\n')),
  }));
  const predArts = pred.map((p, j) => {
    const sents = scorerSentences(bodyOf(p));
    // Label each predicted sentence with the gold article whose body holds it.
    const labels = sents.map((s) => {
      const hit = goldArts.find((ga) => ga.body.includes(s));
      return hit ? hit.i : -1;
    });
    return { j, p, body: norm(bodyOf(p)), sents, labels };
  });

  // Place each gold sentence in the first predicted article whose body holds it.
  let recovered = 0;
  let goldTotal = 0;
  const place = goldArts.map((ga) =>
    ga.sents.map((s) => {
      goldTotal++;
      const at = predArts.find((pa) => pa.body.includes(s));
      if (at) recovered++;
      return at ? at.j : -1;
    }),
  );

  // B-cubed recall over gold sentences, precision over predicted sentences.
  let recallSum = 0;
  for (const [i, ga] of goldArts.entries()) {
    for (const j of place[i]!) {
      if (j < 0) continue;
      recallSum += place[i]!.filter((x) => x === j).length / ga.sents.length;
    }
  }
  let precSum = 0;
  let predTotal = 0;
  for (const pa of predArts) {
    for (const l of pa.labels) {
      predTotal++;
      if (l >= 0) precSum += pa.labels.filter((x) => x === l).length / pa.labels.length;
    }
  }
  const recall = goldTotal ? recallSum / goldTotal : 0;
  const precision = predTotal ? precSum / predTotal : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;

  // Best-matching predicted article for each gold article.
  const best = goldArts.map((_ga, i) => {
    const counts = new Map<number, number>();
    for (const j of place[i]!) if (j >= 0) counts.set(j, (counts.get(j) ?? 0) + 1);
    let top = -1;
    let n = 0;
    for (const [j, c] of counts) if (c > n) [top, n] = [j, c];
    return top;
  });

  let titlesOk = 0;
  let captionsOk = 0;
  let captionsTotal = 0;
  const rows: SplitScore['rows'] = [];
  for (const [i, ga] of goldArts.entries()) {
    const pa = best[i]! >= 0 ? predArts[best[i]!]!.p : null;
    const full = norm(ga.g.kicker) + norm(ga.g.title) + norm(ga.g.subtitle);
    const t = pa ? norm(pa.title) : '';
    const withSub = t + (pa ? norm(pa.subtitle) + norm(pa.kicker) : '');
    const titleOk =
      !!pa &&
      t.length > 0 &&
      t.length <= full.length + 6 &&
      (ga.g.accept_titles ?? [ga.g.title]).some((a) => withSub.includes(norm(a)));
    if (titleOk) titlesOk++;
    const caps = pa ? norm((pa.captions ?? []).join('')) : '';
    for (const c of ga.g.captions ?? []) {
      captionsTotal++;
      if (caps.includes(norm(c))) captionsOk++;
    }
    const found = place[i]!.filter((j) => j >= 0).length;
    rows.push({ title: ga.g.title, predictedTitle: pa ? String(pa.title ?? '') : null, titleOk, found, sentences: ga.sents.length });
  }

  let spaces = 0;
  for (const pa of predArts) {
    const text = [pa.p.title, pa.p.subtitle, ...(pa.p.paragraphs ?? [bodyOf(pa.p)])].filter(Boolean).join('\n');
    spaces += (text.replace(ALLOWED_SPACES, '').match(SPACED) ?? []).length;
  }
  const summariesOk = predArts.filter((pa) => {
    const s = norm(pa.p.summary);
    return s.length > 0 && s.length <= Math.max(pa.body.length, 1);
  }).length;

  return {
    predictedArticles: pred.length,
    goldArticles: gold.articles.length,
    precision,
    recall,
    f1,
    recovered,
    goldSentences: goldTotal,
    titlesOk,
    captionsOk,
    captionsTotal,
    spaces,
    summariesOk,
    rows,
  };
}

/** The last line score-split.mjs prints, for comparing the two scorers. */
export function scoreLine(s: SplitScore): string {
  return (
    `score: F1=${s.f1.toFixed(3)} recovered=${s.recovered}/${s.goldSentences} titles=${s.titlesOk}/${s.goldArticles} ` +
    `captions=${s.captionsOk}/${s.captionsTotal} spaces=${s.spaces} articles=${s.predictedArticles}/${s.goldArticles}`
  );
}
