import { useEffect, useState } from 'preact/hooks';
import { messages } from '../../extension/utils/i18n';
import { exportLinks, feedUrl, rotateFeed } from './client';
import type { words } from './i18n';

interface FeedExportProps {
  t: ReturnType<typeof words>;
  /** The articles listed now: the EPUB export takes these. */
  listedIds: string[];
  onError(error: unknown): void;
}

/** Largest set the EPUB link asks for: the address stays short, the book quick to make. */
const EPUB_MAX_ARTICLES = 50;

export function FeedExport({ t, listedIds, onError }: FeedExportProps) {
  const [url, setUrl] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    feedUrl().then(setUrl, onError);
  }, [onError]);

  const rotate = async () => {
    setConfirming(false);
    try {
      setUrl(await rotateFeed());
      setNotice(t.feedRotated);
    } catch (error) {
      onError(error);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setNotice(messages().copied);
    } catch (error) {
      onError(error);
    }
  };
  const epubIds = listedIds.slice(0, EPUB_MAX_ARTICLES);

  return (
    <main class="panel" id="main" data-testid="feed-export">
      <h1>{t.feedAndExport}</h1>
      <section aria-labelledby="feed-title">
        <h2 id="feed-title">{t.feedTitle}</h2>
        <p class="hint">{t.feedHelp}</p>
        <label for="feed-url">{t.feedLabel}</label>
        <div class="field-row">
          <input id="feed-url" type="text" readOnly value={url} data-testid="feed-url" onFocus={(event) => event.currentTarget.select()} />
          <button type="button" onClick={() => void copy()} disabled={!url}>
            {t.copy}
          </button>
        </div>
        {confirming ? (
          <p class="confirm">
            {t.rotateConfirm}{' '}
            <button type="button" class="primary" onClick={() => void rotate()} data-testid="rotate-confirm">
              {t.rotateFeed}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)} aria-label={messages().dismiss}>
              ✕
            </button>
          </p>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} disabled={!url} data-testid="rotate-feed">
            {t.rotateFeed}
          </button>
        )}
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
      </section>
      <section aria-labelledby="export-title">
        <h2 id="export-title">{t.exportTitle}</h2>
        <ul class="links">
          <li>
            <a href={exportLinks.json} download>
              {t.exportJson}
            </a>
          </li>
          <li>
            <a href={exportLinks.zip} download>
              {t.exportZip}
            </a>
          </li>
          <li>{epubIds.length > 0 ? <a href={exportLinks.epub(epubIds)} download>{t.exportEpub(epubIds.length)}</a> : <span class="hint">{t.exportEpubNone}</span>}</li>
        </ul>
      </section>
    </main>
  );
}
