// A selection is titled from its own text, so several selections from one page differ.
import { describe, expect, it } from 'vitest';
import { chooseCaptureText, selectionTitle } from '../../extension/utils/capture-text';
import { documentFrom } from './dom';

describe('selectionTitle', () => {
  it('takes a short first line whole', () => {
    expect(selectionTitle('纳凉避暑\n\n本报讯 连日来，我市持续高温。')).toBe('纳凉避暑');
  });

  it('takes the first sentence of a paragraph', () => {
    expect(selectionTitle('连日来，我市持续高温。各区县开放纳凉点。')).toBe('连日来，我市持续高温。');
    expect(selectionTitle('The heat broke records. Shelters opened.')).toBe('The heat broke records.');
  });

  it('cuts a long first sentence near 40 characters: at a word in English, anywhere in Chinese', () => {
    const english = selectionTitle('Officials across the region said on Tuesday that the cooling centres would stay open until September');
    expect(english).toBe('Officials across the region said on…');
    const sentence = '今年上半年全市规模以上工业增加值同比增长百分之八点六排名全国省区市第五位工业经济发展呈现三进三新特点';
    expect(selectionTitle(sentence)).toBe(`${sentence.slice(0, 40)}…`);
  });

  it('titles different selections from one page differently', () => {
    const document = documentFrom('<title>Page - Site</title><article><h1>Page</h1><p>First part.</p><p>Second part.</p></article>');
    const first = chooseCaptureText(document, { selectionText: 'First part. More of it.' });
    const second = chooseCaptureText(document, { selectionText: 'Second part. More of it.' });
    expect([first.headline, second.headline]).toEqual(['First part.', 'Second part.']);
  });
});
