// A capture that found its one article (POST with `article`): kept whole, stored with its structure.
import { beforeEach, describe, expect, it } from 'vitest';
import { Article, CaptureResponse, ProcessResponse, type CapturedArticle } from '../../shared/src';
import { callJson, resetStorage } from './helpers';

beforeEach(() => resetStorage());

const ARTICLE: CapturedArticle = {
  title: '重庆工业经济增长8.6% - 新闻网',
  byline: '记者 柯俊彬',
  siteName: '新闻网',
  publishedAt: '2024-07-31',
  lang: 'zh-CN',
  blocks: [
    { kind: 'paragraph', text: '今年上半年，全市规上工业增加值同比增长8.6%，排名全国第五位。' },
    { kind: 'heading', level: 2, text: '数实融合顺势进位' },
    { kind: 'paragraph', text: '通过迭代升级产业大脑，推动实施数字化改造项目256个。' },
    { kind: 'caption', text: '工人在生产线上作业。', credit: '记者 罗斌 摄' },
    { kind: 'heading', level: 2, text: '下半年聚焦重点' },
    { kind: 'paragraph', text: '市经济信息委负责人表示，下半年将聚焦重点大区、重点行业精准开展调度。' },
  ],
};
const TEXT = ['重庆工业经济增长8.6%', '记者 柯俊彬', ...ARTICLE.blocks.map((block) => block.text)].join('\n\n');

describe('a capture with its article', () => {
  it('POST /v1/process keeps it as one article with its sections', async () => {
    const reply = await callJson<ProcessResponse>('/v1/process', { json: { text: TEXT, article: ARTICLE } });
    expect(reply.status).toBe(200);
    const { articles } = ProcessResponse.parse(reply.body);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ title: '重庆工业经济增长8.6%', byline: '记者柯俊彬', siteName: '新闻网', publishedAt: '2024-07-31' });
    expect(articles[0]!.blocks?.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual(['数实融合顺势进位', '下半年聚焦重点']);
    expect(articles[0]!.captions).toEqual(['工人在生产线上作业。记者罗斌摄']);
  });

  it('POST /v1/captures stores the blocks and GET /v1/articles/:id gives them back', async () => {
    const saved = await callJson<CaptureResponse>('/v1/captures', { json: { text: TEXT, article: ARTICLE, url: 'https://news.example/a/1' } });
    expect(saved.status).toBe(201);
    const { articles } = CaptureResponse.parse(saved.body);
    expect(articles).toHaveLength(1);
    const stored = await callJson(`/v1/articles/${articles[0]!.id}`);
    expect(stored.status).toBe(200);
    const article = Article.parse(stored.body);
    expect(article.title).toBe('重庆工业经济增长8.6%');
    expect(article.blocks?.map((block) => block.kind)).toEqual(['paragraph', 'heading', 'paragraph', 'caption', 'heading', 'paragraph']);
    expect(article.blocks?.[3]).toEqual({ kind: 'caption', text: '工人在生产线上作业。', credit: '记者罗斌摄' });
  });

  it.each([
    ['a block of an unknown kind', { ...ARTICLE, blocks: [{ kind: 'sidebar', text: 'x' }] }, 'article.blocks.0.kind'],
    ['no blocks', { ...ARTICLE, blocks: [] }, 'article.blocks'],
    ['no title', { blocks: ARTICLE.blocks }, 'article.title'],
    ['a heading level of 9', { ...ARTICLE, blocks: [{ kind: 'heading', level: 9, text: 'x' }] }, 'article.blocks.0.level'],
    ['a string for an article', 'just text', 'article'],
  ])('answers 400 naming the field for %s', async (_case, article, field) => {
    for (const path of ['/v1/process', '/v1/captures']) {
      const reply = await callJson(path, { json: { text: TEXT, article } });
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('validation_failed');
      expect(reply.body.error.message).toContain(field);
    }
  });
});
