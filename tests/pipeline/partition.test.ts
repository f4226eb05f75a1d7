// How a body segment that received several headlines is cut into articles (split/partition.ts),
// on literal paragraphs and headlines.
import { describe, expect, it } from 'vitest';
import { partitionByHeadings } from '../../worker/src/pipeline/split/partition';
import { unitTerms } from '../../worker/src/pipeline/split/units';
import type { HeadingUnit } from '../../worker/src/pipeline/split/model';
import { ProbeIndex, ProbeWeights } from '../../worker/src/pipeline/similarity';

const unit = (text: string, at: number): HeadingUnit => ({
  main: { text, role: 'title', at, bylines: [], doubled: false },
  extras: [],
  terms: new Int32Array(),
  at,
});

/** Cuts `paragraphs`, a segment starting at line `segmentAt`, between `units`, as the splitter does. */
function partition(paragraphs: string[], units: HeadingUnit[], segmentAt: number) {
  const index = new ProbeIndex(units.map(unitTerms));
  units.forEach((candidate, k) => (candidate.terms = index.probeIds[k]!));
  const weights = new ProbeWeights([index.ofAll(paragraphs)], index.size);
  return partitionByHeadings(paragraphs, units, weights, index, segmentAt);
}

describe('cutting a segment between its headlines', () => {
  it('gives the opening of a text to the headline printed over it, never to one printed after it', () => {
    // A feature's section under its heading; the line printed after it quotes the section's first
    // paragraph (a pull quote): it may head no part before the heading's.
    const paragraphs = [
      '石泉县丝银坝村草池湾朱鹮小村，清晨6点半，村民谢玉清已经架起相机。从最初的几只，到现在的70多只，朱鹮在村里安了家。',
      '鸟来了，人怎么办？村里当时就定下规矩：不打农药、不施化肥、不用除草剂。',
      '谢玉清把自家房屋改造成了观鸟茶室，还在网上卖当地的稻米，民生改善看得见。',
      '把生态优势转化为发展优势，让绿水青山持续造福当地百姓，实现民生改善。',
    ];
    const heading = unit('民生改善：让绿水青山持续造福当地百姓', 10);
    const pullQuote = unit('从最初的几只，到现在的70多只', 30);
    const parts = partition(paragraphs, [heading, pullQuote], 11);
    expect(parts[0]!.units[0]).toBe(heading);
    expect(parts[0]!.paragraphs[0]).toBe(paragraphs[0]);
  });

  it('cuts a segment between the headline over it and the one printed after it, each over its own text', () => {
    const paragraphs = [
      '扔掉厚重的棉袄，孃孃收拾洗刷完毕，吆喝我上山去挖社菜。春社日这天，家家户户都要炊制社饭。',
      '春社饭里有社菜、腊肉和糯米，那一碗春社饭混合着泥土与草木的芬芳。',
      '一场夜雨过后，我沿着清溪河漫步，河面上有几只小船，船上的人在种水草。',
      '这位种水草的老人姓胡，他说种水草能净化水体。告别种水草的人，我对这条河充满了期待。',
    ];
    const over = unit('孃孃的春社饭香', 10);
    const after = unit('遇见种水草的人', 30);
    const parts = partition(paragraphs, [over, after], 11);
    expect(parts.map((part) => part.units[0])).toEqual([over, after]);
    expect(parts.map((part) => part.paragraphs.length)).toEqual([2, 2]);
  });
});
