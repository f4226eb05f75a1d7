// Stage 4: keywords from the article's own words. (First slice: none.)
export function extractKeywords(_title: string, _paragraphs: string[], _lang: string): string[] {
  return [];
}
