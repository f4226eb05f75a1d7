// How whole bodies of one page are compared (similarity.ts, PageTerms): term ids numbered once per
// page, each term weighted by how many of the page's segments hold it.
import { describe, expect, it } from 'vitest';
import { PageTerms, terms } from '../../worker/src/pipeline/similarity';

const documents = ['长江流域生态保护取得成效。', '高校毕业生就业形势总体稳定。', '长江经济带高质量发展。'];

describe('PageTerms', () => {
  it('numbers a body’s distinct terms in the order `terms` gives them, Han bigrams before Latin words', () => {
    const page = new PageTerms(documents);
    const text = 'AI 长江长江 model';
    const bag = page.bag(text);
    expect(bag.ids).toHaveLength(terms(text).size);
    expect(new Set(bag.ids).size).toBe(bag.ids.length);
    expect(bag.words).toBe(2);
    // The same term has the same id in every body of the page.
    expect(page.bag('长江').ids).toEqual([bag.ids[0]]);
  });

  it('scores a body against itself 1, against a body sharing nothing 0, and in between by rarity', () => {
    const page = new PageTerms(documents);
    const river = page.bag(documents[0]!);
    const jobs = page.bag(documents[1]!);
    const belt = page.bag(documents[2]!);
    expect(page.cohesion(river, river)).toBeCloseTo(1, 12);
    expect(page.cohesion(river, jobs)).toBe(0);
    const shared = page.cohesion(river, belt);
    expect(shared).toBeGreaterThan(0);
    expect(shared).toBeLessThan(1);
    expect(page.cohesion(belt, river)).toBeCloseTo(shared, 12);
  });

  it('takes in terms no segment holds (a headline’s), past the table it started with', () => {
    const page = new PageTerms(['甲乙']);
    // Hundreds of bigrams no document holds: the table must grow, every one keeping its own id.
    const novel = Array.from({ length: 400 }, (_, k) => String.fromCharCode(0x4e00 + 2 * k, 0x4e01 + 2 * k)).join('，');
    const bag = page.bag(novel);
    expect(bag.ids).toHaveLength(400);
    expect(new Set(bag.ids).size).toBe(400);
    expect(page.bag(novel).ids).toEqual(bag.ids);
    expect(page.cohesion(bag, page.bag('甲乙'))).toBe(0);
  });

  it('adds to a body only the terms it lacks, after its own, counting the words among them', () => {
    const page = new PageTerms(documents);
    const into = page.bag('长江流域 river');
    const from = page.bag('流域治理 river delta');
    const before = [...into.ids];
    page.addTo(into, from);
    expect(into.ids.slice(0, before.length)).toEqual(before);
    expect(into.ids).toEqual([...before, ...from.ids.filter((id) => !before.includes(id))]);
    expect(into.words).toBe(2);
  });

  it('hands out a document’s terms as counted, a copy each time: adding to one leaves the next as it was', () => {
    const page = new PageTerms(documents);
    const first = page.bag(documents[0]!);
    const counted = [...first.ids];
    page.addTo(first, page.bag(documents[1]!));
    expect(first.ids.length).toBeGreaterThan(counted.length);
    expect(page.bag(documents[0]!).ids).toEqual(counted);
  });
});
