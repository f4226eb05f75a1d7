// Small text helpers shared by the page generator and the gold files it writes.

/** Han characters (and the CJK compatibility / extension A blocks). */
export const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Any character that is not half-width: Han, kana, full-width punctuation, ■□ and friends. */
const WIDE = /[^\u0000-\u024f\u2000-\u206f]/;

/** Printed width on a page: a CJK character takes one cell, a half-width character half a cell. */
export function visualWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 1 : 0.5;
  return width;
}

export function isWide(ch: string): boolean {
  return WIDE.test(ch);
}

/**
 * Text as the gold files hold it: one line, white space kept only between two half-width
 * characters (English words, "Xi Jinping"), and removed next to any CJK character or punctuation.
 */
export function cleanForGold(text: string): string {
  const collapsed = text.replace(/[\s\u3000]+/g, ' ').trim();
  return collapsed.replace(/ (?=.)/g, (space, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + 1] ?? '';
    return isWide(before) || isWide(after) ? '' : space;
  });
}

/** Sentences ending in 。！？ (with closing quotes kept), for cutting and regrouping text. */
export function splitSentences(text: string): string[] {
  return text.match(/[^。！？!?]+(?:[。！？!?]+[”’」』）)]*|$)/g)?.filter((s) => s.trim().length > 0) ?? [];
}

/** English sentences: split after . ! ? followed by a space and a capital or a quote. */
export function splitEnglishSentences(text: string): string[] {
  return text.split(/(?<=[.!?]["”’]?)\s+(?=["“A-Z0-9])/).filter((s) => s.length > 0);
}
