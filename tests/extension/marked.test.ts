// Search matches marked in a list item: the server's offsets are checked (clipped, merged,
// dropped when empty), the marked text stays text, and a title's matches are found in any case.
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Marked, markedSegments, queryMarks } from '../../extension/components/Marked';
import { mountPoint } from './dom';

describe('markedSegments', () => {
  it('cuts the text at the marks, in order', () => {
    expect(markedSegments('市民在江边纳凉避暑', [[5, 7], [0, 2]])).toEqual([
      { text: '市民', marked: true },
      { text: '在江边', marked: false },
      { text: '纳凉', marked: true },
      { text: '避暑', marked: false },
    ]);
  });

  it('clips marks past either end, merges overlapping ones and drops empty ones', () => {
    expect(markedSegments('Okafor said', [[-3, 2], [1, 6], [8, 8], [9, 99]])).toEqual([
      { text: 'Okafor', marked: true },
      { text: ' sa', marked: false },
      { text: 'id', marked: true },
    ]);
  });

  it('keeps every character exactly once, whatever the marks', () => {
    const text = '老旧小区改造 Harbor ferry';
    for (const marks of [[], [[0, 4]], [[3, 9], [2, 5]], [[20, 40]], [[Number.NaN, 3]]] as [number, number][][]) {
      expect(markedSegments(text, marks).map((segment) => segment.text).join('')).toBe(text);
    }
  });
});

describe('queryMarks', () => {
  it('finds each word of the query, ignoring case, and treats regex characters as text', () => {
    expect(queryMarks('City libraries: Okafor (c++) and OKAFOR', 'okafor c++')).toEqual([
      [16, 22],
      [24, 27],
      [33, 39],
    ]);
    expect(queryMarks('nothing here', '   ')).toEqual([]);
  });
});

describe('<Marked>', () => {
  let page: ReturnType<typeof mountPoint>;
  beforeEach(() => (page = mountPoint()));
  afterEach(() => page.close());

  it('renders the marks as <mark> and markup in the text as text', () => {
    render(h(Marked, { text: '<b>纳凉</b> in <i>shade</i>', marks: [[3, 5]] }), page.root);
    expect(Array.from(page.root.querySelectorAll('mark')).map((mark) => mark.textContent)).toEqual(['纳凉']);
    expect(page.root.querySelectorAll('b, i')).toHaveLength(0);
    expect(page.root.textContent).toBe('<b>纳凉</b> in <i>shade</i>');
  });
});
