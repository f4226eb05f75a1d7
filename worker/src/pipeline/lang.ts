// Language of a text from its script: enough to pick Chinese or English handling.
export function detectLang(text: string): string {
  let han = 0;
  let latin = 0;
  const end = Math.min(text.length, 4000);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) han++;
    else if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++;
  }
  if (han === 0 && latin === 0) return 'und';
  return han * 2 >= latin ? 'zh' : 'en';
}
