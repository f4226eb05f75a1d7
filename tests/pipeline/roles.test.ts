// Which line of a headline block is the title, and which is a kicker, a column's name or a
// subtitle: small literal pages as a PDF copy gives them (no blank lines, column-width breaks).
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../worker/src/pipeline/clean';
import { splitArticles } from '../../worker/src/pipeline/split';
import type { ArticleParts } from '../../worker/src/pipeline/split';

const split = (page: string): ArticleParts[] => splitArticles(cleanText(page).lines, {});

// An essay's column, wrapped at 19 characters: it talks about 虚功 and 长处, never about 金台随感.
const ESSAY = [
  '“人各有所长”，这话中听，且所言非虚。但长处',
  '和“长处”，却有区别。真才实学之“长”，自是老',
  '坑翡翠，越打磨越见光彩。可世间另有一种“长处”，',
  '实为短板的遮羞布。此等“虚功”练至炉火纯青，实',
  '干却如霜打茄秧，蔫然垂首。',
];

describe('a headline set top to bottom', () => {
  it("takes a column's name printed in the same stack off the title", () => {
    const [article] = split([...'金台随感莫把虚功当长处', ...ESSAY].join('\n'));
    expect([article!.kicker, article!.title]).toEqual(['金台随感', '莫把虚功当长处']);
  });

  it('reads it so when the copy ran the first few characters together', () => {
    const [article] = split(['金台随', ...'感莫把虚功当长处', ...ESSAY].join('\n'));
    expect([article!.kicker, article!.title]).toEqual(['金台随感', '莫把虚功当长处']);
  });

  it('keeps a stacked title whole when its text talks about its first characters too', () => {
    const told = ['莫把虚功当长处，金台随感一文说，', ...ESSAY];
    const [article] = split([...'金台随感莫把虚功当长处', ...told].join('\n'));
    expect([article!.kicker, article!.title]).toEqual([undefined, '金台随感莫把虚功当长处']);
  });

  it('keeps a stacked title whole when what would be left is no longer than a name', () => {
    const [article] = split([...'金台随感长处', ...ESSAY].join('\n'));
    expect([article!.kicker, article!.title]).toEqual([undefined, '金台随感长处']);
  });
});
