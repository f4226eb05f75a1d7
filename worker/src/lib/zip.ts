// A zip file written as a stream (fflate): files go out as they are added, so an export of
// every article never sits in memory whole.
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

export interface ZipEntry {
  name: string;
  data: string | Uint8Array;
  /** Store without compressing (an EPUB's `mimetype` must be). */
  stored?: boolean;
}

const encoder = new TextEncoder();
/** fflate's level: 6 is zlib's default, the usual balance of size and CPU. */
const DEFLATE_LEVEL = 6;

/** The zip of `entries`, in order, as a byte stream. An error in `entries` aborts the stream. */
export function zipStream(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const pending: Promise<void>[] = [];
  const zip = new Zip((error, chunk, final) => {
    if (error) return void writer.abort(error);
    pending.push(writer.write(chunk));
    if (final) pending.push(writer.close());
  });
  void (async () => {
    try {
      for await (const entry of entries) {
        const file = entry.stored ? new ZipPassThrough(entry.name) : new ZipDeflate(entry.name, { level: DEFLATE_LEVEL });
        zip.add(file);
        file.push(typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data, true);
        // Let the reader take what was written before more is made.
        await Promise.all(pending.splice(0));
      }
      zip.end();
      await Promise.all(pending.splice(0));
    } catch (error) {
      await writer.abort(error).catch(() => undefined);
    }
  })();
  return readable;
}
