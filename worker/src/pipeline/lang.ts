// Language of a text from its script: enough to pick Chinese or English handling.

/** How many characters of the paragraphs decide: set by hand, no recorded evidence. */
const BUDGET = 4000;
/** A Han character counts as much as this many Latin letters (a word of English is several letters): set by hand, no recorded evidence. */
const LATIN_LETTERS_PER_HAN = 2;
const LATIN_LETTER = /[A-Za-z]/;
const HAN_CHARACTER = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Looks at the first 4,000 characters of the paragraphs: Han against Latin letters. */
export function detectLang(paragraphs: string[]): string {
  // Without Latin letters any Han character decides: the regex engine answers that far faster than counting.
  let budget = BUDGET;
  let anyHan = false;
  for (const paragraph of paragraphs) {
    const read = paragraph.length > budget ? paragraph.slice(0, budget) : paragraph;
    if (LATIN_LETTER.test(read)) return countedLang(paragraphs);
    anyHan ||= HAN_CHARACTER.test(read);
    budget -= read.length;
    if (budget <= 0) break;
  }
  return anyHan ? 'zh' : 'und';
}

function countedLang(paragraphs: string[]): string {
  let han = 0;
  let latin = 0;
  let budget = BUDGET;
  for (const paragraph of paragraphs) {
    const end = Math.min(paragraph.length, budget);
    for (let i = 0; i < end; i++) {
      const code = paragraph.charCodeAt(i);
      if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) han++;
      else if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++;
    }
    budget -= end;
    if (budget <= 0) break;
  }
  if (han === 0 && latin === 0) return 'und';
  return han * LATIN_LETTERS_PER_HAN >= latin ? 'zh' : 'en';
}
