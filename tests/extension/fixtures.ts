import type { Article, CaptureInput, CaptureResponse } from '../../shared/src/schemas';

export function captureInput(overrides: Partial<CaptureInput> = {}): CaptureInput {
  return {
    text: '上半年重庆工业经济增加值同比增长 8.6%\n今年上半年全市规上工业增加值同比增长 8.6%。',
    url: 'https://epaper.example.com/2024/0730/03.html',
    title: '重庆日报 第3版',
    source: 'page',
    capturedAt: '2024-07-30T08:00:00.000Z',
    ...overrides,
  };
}

export function article(id: string, overrides: Partial<Article> = {}): Article {
  return {
    id,
    captureId: 'capture-1',
    title: `标题 ${id}`,
    paragraphs: ['正文。'],
    captions: [],
    summary: `摘要 ${id}`,
    keywords: [],
    lang: 'zh',
    url: 'https://epaper.example.com/2024/0730/03.html',
    capturedAt: '2024-07-30T08:00:00.000Z',
    createdAt: '2024-07-30T08:00:01.000Z',
    ...overrides,
  };
}

export function captureResponse(input: CaptureInput, articleIds: string[]): CaptureResponse {
  return {
    capture: {
      id: 'capture-1',
      url: input.url,
      title: input.title,
      source: input.source,
      lang: 'zh',
      capturedAt: input.capturedAt ?? '2024-07-30T08:00:00.000Z',
      createdAt: '2024-07-30T08:00:01.000Z',
      articleIds,
      textChars: input.text.length,
    },
    articles: articleIds.map((id) => article(id)),
  };
}
