// POST /v1/process: runs the pipeline on the text and answers with the result; stores nothing.
import { Hono } from 'hono';
import type { App } from '../context';
import { methodNotAllowed } from '../lib/errors';
import { capturedAtOrNow, readCaptureInput } from '../lib/validate';
import { runPipeline } from '../pipeline';

export const processRouter = new Hono<App>()
  .post('/', async (c) => {
    const input = await readCaptureInput(c);
    const result = runPipeline({
      text: input.text,
      url: input.url,
      title: input.title,
      lang: input.lang,
      capturedAt: capturedAtOrNow(input.capturedAt),
      pdf: input.pdf,
      article: input.article,
    });
    return c.json(result, 200);
  })
  .all('/', methodNotAllowed(['POST']));
