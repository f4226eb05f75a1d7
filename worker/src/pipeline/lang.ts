// Language of a text from its script: enough to pick Chinese or English handling.
export function detectLang(text: string): string {
  let han = 0;
  let latin = 0;
  for (const ch of text.slice(0, 4000)) {
    if (/\p{Script=Han}/u.test(ch)) han++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  if (han === 0 && latin === 0) return 'und';
  return han * 2 >= latin ? 'zh' : 'en';
}
