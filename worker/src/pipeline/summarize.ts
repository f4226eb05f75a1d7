// Stage 3: extractive summary. (First slice: the first sentence.)
export function summarize(paragraphs: string[], _lang: string): string {
  const first = paragraphs[0] ?? '';
  const match = first.match(/^.*?[。！？!?.](?=\s|$|[^\d])/u);
  return (match ? match[0] : first).slice(0, 120);
}
