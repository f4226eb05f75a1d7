// POST /v1/process: runs the pipeline on the text and answers with the result; stores nothing.
import { Hono } from 'hono';
import type { App } from '../context';
import { methodNotAllowed } from '../lib/errors';
import { readCaptureInput } from '../lib/validate';
import { runPipeline } from '../pipeline';

export const process = new Hono<App>()
  .post('/', async (c) => {
    const input = await readCaptureInput(c);
    const result = runPipeline({
      text: input.text,
      url: input.url,
      title: input.title,
      lang: input.lang,
      capturedAt: toUtcIso(input.capturedAt),
    });
    return c.json(result, 200);
  })
  .all('/', methodNotAllowed(['POST']));

/** The capture time as UTC ISO: the client's if it sent one, else now. */
export function toUtcIso(capturedAt: string | undefined): string {
  return (capturedAt ? new Date(capturedAt) : new Date()).toISOString();
}
