// Stage 2: split cleaned lines into articles. (First slice: one article, title from the first line.)
export interface ArticleParts {
  title: string;
  subtitle?: string;
  kicker?: string;
  byline?: string;
  dateline?: string;
  paragraphs: string[];
  captions: string[];
}

export interface SplitOptions {
  fallbackTitle?: string;
}

export function splitArticles(lines: string[], options: SplitOptions = {}): ArticleParts[] {
  const paragraphs = lines.filter((line) => line.length > 0);
  if (paragraphs.length === 0) return [];
  const title = options.fallbackTitle?.trim() || paragraphs[0]!.slice(0, 60);
  return [{ title, paragraphs, captions: [] }];
}
