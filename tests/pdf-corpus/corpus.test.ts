// The corpus itself, without a browser: the reserved months stay out, a continued article loses
// no text when cut, the gold is read back from the printed HTML, templates stay in their families.
import { describe, expect, it } from 'vitest';
import { corpusDocs, draftHtml } from '../../scripts/pdf-corpus/corpus';
import { goldFromHtml } from '../../scripts/pdf-corpus/gold';
import { cutForJump, loadSourcePages, RESERVED_DATES } from '../../scripts/pdf-corpus/stories';
import { FAMILIES, TEMPLATES } from '../../scripts/pdf-corpus/templates';
import { furnitureTitles } from '../../scripts/pdf-corpus/evaluate';
import type { BuiltDoc } from '../../scripts/pdf-corpus/corpus';

const norm = (s: string) => s.replace(/\s+/g, '');

describe('source pages', () => {
  const pages = loadSourcePages();

  it('leaves out every page of January and February 2026', () => {
    expect(RESERVED_DATES.test('2026-01-14')).toBe(true);
    expect(RESERVED_DATES.test('2026-02-28')).toBe(true);
    expect(RESERVED_DATES.test('2026-04-08')).toBe(false);
    expect(pages.length).toBeGreaterThan(20);
    expect(pages.filter((p) => RESERVED_DATES.test(p.date))).toEqual([]);
  });

  it('cuts a continued article after a whole sentence, losing and repeating nothing', () => {
    const paragraphs = ['第一段。'.repeat(200), '第二段说了很多话。'.repeat(100), '结尾。'.repeat(100)];
    const { head, tail } = cutForJump(paragraphs);
    expect(head.join('') + tail.join('')).toBe(paragraphs.join(''));
    expect(head.at(-1)).toMatch(/。$/);
    expect(head.join('').length).toBeGreaterThan(1000);
    expect(tail.length).toBeGreaterThan(0);
  });

  it('prints each continued article as a head with a jump line and a tail on the page it goes on to', () => {
    const heads = pages.flatMap((p) => p.stories.filter((s) => s.jumpTo !== undefined).map((s) => ({ page: p, story: s })));
    expect(heads.length).toBeGreaterThanOrEqual(4);
    for (const { page, story } of heads) {
      const tailPage = pages.find((p) => p.date === page.date && p.page === story.jumpTo);
      const tail = tailPage?.stories.find((s) => s.jumpFrom === page.page && s.title === story.title);
      expect(tail, story.title).toBeDefined();
      expect(norm(tail!.paragraphs.join(''))).not.toContain(norm(story.paragraphs.at(-1)!));
    }
  });
});

describe('templates', () => {
  it('belong to known families, some tuned and some never tuned', () => {
    for (const template of TEMPLATES) expect(FAMILIES.map((f) => f.name)).toContain(template.family);
    expect(FAMILIES.some((f) => f.tuned)).toBe(true);
    expect(FAMILIES.some((f) => !f.tuned)).toBe(true);
  });

  it('lay every source page out once in a tuned and once in a never-tuned family', () => {
    const docs = corpusDocs().filter((d) => d.pages.length === 1);
    const byPage = new Map<string, boolean[]>();
    for (const d of docs) byPage.set(d.pages[0]!.id, [...(byPage.get(d.pages[0]!.id) ?? []), d.tuned]);
    for (const [, tuned] of byPage) expect(tuned.sort()).toEqual([false, true]);
  });

  it('mark every printed story in the gold: its title, and all its text', () => {
    const doc = corpusDocs().find((d) => d.pages.length === 1 && d.pages[0]!.stories.some((s) => s.kicker))!;
    const gold = goldFromHtml(draftHtml(doc), doc.name);
    const articles = doc.pages[0]!.stories.filter((s) => s.kind !== 'picture');
    expect(gold.articles.map((a) => norm(a.title))).toEqual(articles.map((s) => norm(s.title)));
    for (const [i, story] of articles.entries()) {
      const article = gold.articles[i]!;
      if (story.kind === 'article') expect(norm(article.paragraphs.join(''))).toBe(norm(story.paragraphs.join('')));
      if (story.kicker) expect(article.kicker).toBe(norm(story.kicker));
    }
  });
});

describe('furniture titles', () => {
  const doc = {
    furniture: ['5 要闻 人民日报 2026年4月8日 星期三', '本版责编：王蕾', '（转第2版）'],
    gold: { articles: [{ title: '人民日报社举行活动', accept_titles: [], paragraphs: ['今天。'], captions: [] }] },
  } as unknown as BuiltDoc;

  it('flags a running head, a page number, an editors\' line or a jump line taken for a title', () => {
    expect(furnitureTitles(doc, ['人民日报 2026年4月8日', '5', '本版责编：王蕾', '转第2版'])).toHaveLength(4);
  });

  it('leaves real headlines alone, even one naming the paper', () => {
    expect(furnitureTitles(doc, ['人民日报社举行活动', '春耕正当时'])).toEqual([]);
  });
});
