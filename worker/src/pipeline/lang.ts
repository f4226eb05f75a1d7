// Language of a text from its script: enough to pick Chinese or English handling.

/** Looks at the first 4,000 characters of the paragraphs: Han against Latin letters. */
export function detectLang(paragraphs: string[]): string {
  let han = 0;
  let latin = 0;
  let budget = 4000;
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
  return han * 2 >= latin ? 'zh' : 'en';
}
