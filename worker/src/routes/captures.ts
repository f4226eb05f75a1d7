import { Hono, type Context } from 'hono';
import type { App } from '../context';
import { ApiException, methodNotAllowed, notFoundError } from '../lib/errors';
import { capturedAtOrNow, readCaptureInput } from '../lib/validate';
import { runPipeline } from '../pipeline';
import { captureIdFor, MAX_ARTICLES_PER_CAPTURE, storeFor } from '../store';

const store = (c: Context<App>) => storeFor(c.env, c.get('user'));

export const capturesRouter = new Hono<App>()
  .post('/', async (c) => {
    const input = await readCaptureInput(c);
    const id = await captureIdFor(c.get('user'), input.text, input.url);
    // The same text and url again (or at the same moment) answers 200 with the first save.
    const { saved, created } = await store(c).saveOnce(id, () => {
      const capturedAt = capturedAtOrNow(input.capturedAt);
      const { articles: drafts } = runPipeline({
        text: input.text,
        url: input.url,
        title: input.title,
        lang: input.lang,
        capturedAt,
        pdf: input.pdf,
        article: input.article,
      });
      if (drafts.length === 0) throw new ApiException(422, 'nothing_to_keep', 'the text holds no article to keep');
      if (drafts.length > MAX_ARTICLES_PER_CAPTURE) {
        throw new ApiException(413, 'payload_too_large', `the text holds more than ${MAX_ARTICLES_PER_CAPTURE} articles; send it in parts`);
      }
      return { ...input, id, capturedAt, drafts };
    });
    return c.json(saved, created ? 201 : 200);
  })
  .all('/', methodNotAllowed(['POST']))
  .get('/:id', async (c) => {
    const found = await store(c).getCapture(c.req.param('id'));
    if (!found) throw notFoundError('capture');
    return c.json(found, 200);
  })
  .delete('/:id', async (c) => {
    if (!(await store(c).deleteCapture(c.req.param('id')))) throw notFoundError('capture');
    return c.body(null, 204);
  })
  .all('/:id', methodNotAllowed(['GET', 'DELETE']));
