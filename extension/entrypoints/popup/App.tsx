import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Article } from '../../../shared/src/schemas';
import { ArticleList } from '../../components/ArticleList';
import { ArticleView } from '../../components/ArticleView';
import { SaveStatus, type SaveState } from '../../components/SaveStatus';
import { messages } from '../../utils/i18n';
import { sendMessage, type QueueStatus, type SaveOutcome } from '../../utils/messaging';
import { articleCacheItem, type CachedArticle } from '../../utils/storage';

/** Cached articles drawn per step: the first list appears at once even with thousands cached. */
const LOCAL_STEP = 40;
const SEARCH_DELAY_MS = 300;
/** How long a deleted article can be brought back from the popup (the server keeps it longer). */
export const UNDO_DELETE_MS = 8000;

interface ListState {
  articles: CachedArticle[];
  /** 'local': the cached articles, drawn a step at a time; 'server': pages through the API's cursor. */
  from: 'local' | 'server';
  cursor: string | null;
  shown: number;
  offline: boolean;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Errors fixed in the settings (no server, bad URL, no or refused token) get a button to them. */
function isSettingsProblem(message: string): boolean {
  const text = messages();
  return [text.errorNoServer, text.errorBadServerUrl, text.errorNoToken, text.errorUnauthorized].includes(message);
}

/**
 * The tab to save: the one the popup was opened over, or `?tab=<id>` when the popup page is
 * opened in a tab of its own (the end-to-end tests do this: a headless browser has no toolbar).
 */
function targetTabId(): number | undefined {
  const value = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Resolves after the browser has painted what is rendered now. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function markFirstList(source: string) {
  const root = document.documentElement;
  if (root.dataset.firstListMs) return;
  root.dataset.firstListMs = String(performance.now());
  root.dataset.firstListSource = source;
}

export function App({ cachedHead }: { cachedHead: CachedArticle[] }) {
  const text = messages();
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [queue, setQueue] = useState<QueueStatus>({ waiting: 0, refused: [] });
  const [list, setList] = useState<ListState>({ articles: cachedHead, from: 'local', cursor: null, shown: LOCAL_STEP, offline: false });
  const [listError, setListError] = useState('');
  const [loadingMore, setLoadingMore] = useState(false);
  const [query, setQuery] = useState('');
  const [article, setArticle] = useState<Article | null>(null);
  const [notice, setNotice] = useState('');
  const [pasted, setPasted] = useState('');
  /** The article just deleted, while it can still be restored. */
  const [deleted, setDeleted] = useState<Article | null>(null);
  const listRequest = useRef(0);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_DELETE_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const loadFirstPage = useCallback(async (q: string) => {
    const request = ++listRequest.current;
    try {
      const page = await sendMessage('listArticles', { q });
      if (request !== listRequest.current) return;
      setList({ articles: page.articles, from: page.offline ? 'local' : 'server', cursor: page.cursor, shown: LOCAL_STEP, offline: page.offline });
      setListError('');
    } catch (error) {
      if (request === listRequest.current) setListError(errorText(error));
    }
  }, []);

  useEffect(() => {
    // The first screenful of the local cache is drawn already (main.tsx read it before the first
    // render); the background (server list, waiting captures) is asked once that is on screen.
    void (async () => {
      await nextFrame();
      const refreshing = loadFirstPage('');
      const status = await sendMessage('queueStatus', undefined);
      setQueue(status);
      const cached = await articleCacheItem.getValue();
      setList((current) => (current.from === 'server' ? current : { ...current, articles: cached }));
      await refreshing;
      // Opening the popup is a good moment to retry: the user is looking.
      if (status.waiting > 0) {
        const after = await sendMessage('flushQueue', undefined);
        setQueue(after);
        if (after.waiting < status.waiting) await loadFirstPage('');
      }
    })();
  }, [loadFirstPage]);

  // Marks when the first list was drawn, and from where: the benchmark reads it.
  useEffect(() => {
    if (list.articles.length > 0) markFirstList(list.from === 'server' ? 'server' : list.offline ? 'offline' : 'cache');
  }, [list]);

  useEffect(() => {
    if (!query) return;
    const timer = setTimeout(() => void loadFirstPage(query), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, loadFirstPage]);

  const loadMore = useCallback(async () => {
    if (list.from === 'local') {
      setList((current) => ({ ...current, shown: current.shown + LOCAL_STEP }));
      return;
    }
    if (!list.cursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const page = await sendMessage('listArticles', { q: query, cursor: list.cursor });
      setList((current) => {
        const known = new Set(current.articles.map((item) => item.id));
        return { ...current, articles: [...current.articles, ...page.articles.filter((item) => !known.has(item.id))], cursor: page.cursor };
      });
    } catch (error) {
      setListError(errorText(error));
    } finally {
      setLoadingMore(false);
    }
  }, [list.from, list.cursor, loadingMore, query]);

  const afterSave = async (saving: Promise<SaveOutcome>) => {
    setSaveState({ kind: 'saving' });
    try {
      const outcome = await saving;
      if (outcome.status === 'saved') setSaveState({ kind: 'saved', articles: outcome.articles, alreadySaved: outcome.alreadySaved });
      else setSaveState({ kind: 'queued' });
      setQueue(await sendMessage('queueStatus', undefined));
      await loadFirstPage(query);
      return true;
    } catch (error) {
      setSaveState({ kind: 'error', message: errorText(error) });
      return false;
    }
  };

  const savePage = () => void afterSave(sendMessage('saveTab', { tabId: targetTabId() }));
  const savePaste = async () => {
    if (await afterSave(sendMessage('savePastedText', { text: pasted }))) setPasted('');
  };

  const openArticle = async (id: string) => {
    setNotice('');
    try {
      setArticle(await sendMessage('getArticle', { id }));
    } catch (error) {
      setListError(errorText(error));
    }
  };

  const deleteArticle = async () => {
    if (!article) return;
    try {
      await sendMessage('deleteArticle', { id: article.id });
      const deletedId = article.id;
      setArticle(null);
      setList((current) => ({ ...current, articles: current.articles.filter((item) => item.id !== deletedId) }));
      setNotice('');
      setDeleted(article);
    } catch (error) {
      setNotice(errorText(error));
    }
  };

  const undoDelete = async () => {
    if (!deleted) return;
    const restoring = deleted;
    setDeleted(null);
    try {
      await sendMessage('restoreArticle', { article: restoring });
      setNotice(text.restored);
      await loadFirstPage(query);
    } catch (error) {
      setNotice(errorText(error));
    }
  };

  const copyMarkdown = async () => {
    if (!article) return;
    try {
      const markdown = await sendMessage('getArticleMarkdown', { id: article.id });
      await navigator.clipboard.writeText(markdown);
      setNotice(text.copied);
    } catch (error) {
      setNotice(errorText(error));
    }
  };

  if (article) {
    return (
      <ArticleView
        article={article}
        notice={notice}
        onBack={() => {
          setArticle(null);
          setNotice('');
        }}
        onDelete={() => void deleteArticle()}
        onCopyMarkdown={() => void copyMarkdown()}
      />
    );
  }

  const openSettings = () => void browser.runtime.openOptionsPage();
  const settingsLink = (
    <button type="button" class="link actions-inline" onClick={openSettings}>
      {text.settings}
    </button>
  );
  const shownArticles = list.from === 'local' ? list.articles.slice(0, list.shown) : list.articles;
  const hasMore = list.from === 'local' ? list.articles.length > list.shown : list.cursor !== null;
  return (
    <main>
      <header>
        <h1>{text.appName}</h1>
        <button type="button" onClick={openSettings}>
          {text.settings}
        </button>
        <button type="button" class="primary" onClick={savePage} disabled={saveState.kind === 'saving'} data-testid="save-page">
          {saveState.kind === 'saving' ? text.saving : text.savePage}
        </button>
      </header>

      <SaveStatus state={saveState} errorAction={saveState.kind === 'error' && isSettingsProblem(saveState.message) && settingsLink} />

      {queue.waiting > 0 && (
        <p class="waiting" data-testid="waiting" data-count={queue.waiting}>
          <span>{text.waiting(queue.waiting)}</span>
          <button type="button" onClick={() => void sendMessage('flushQueue', undefined).then(setQueue).then(() => loadFirstPage(query))}>
            {text.retryNow}
          </button>
        </p>
      )}
      {queue.refused.map((refused, index) => (
        <p class="status error" role="alert" key={`${refused.at}-${index}`}>
          {text.refused}: {refused.title} — {refused.message}{' '}
          <button type="button" onClick={() => void sendMessage('dismissRefused', undefined).then(setQueue)}>
            {text.dismiss}
          </button>
        </p>
      ))}
      {notice && <p class="status" role="status">{notice}</p>}
      {deleted && (
        <p class="status undo" role="status" data-testid="undo-delete">
          <span>{text.deletedTitle(deleted.title)}</span>
          <button type="button" class="link" onClick={() => void undoDelete()}>
            {text.undo}
          </button>
        </p>
      )}

      <details>
        <summary>{text.pasteLabel}</summary>
        <textarea
          aria-label={text.pasteLabel}
          placeholder={text.pastePlaceholder}
          value={pasted}
          onInput={(event) => setPasted(event.currentTarget.value)}
          data-testid="paste-box"
        />
        <button type="button" onClick={() => void savePaste()} disabled={!pasted.trim() || saveState.kind === 'saving'}>
          {text.savePaste}
        </button>
      </details>

      <input
        type="search"
        aria-label={text.searchPlaceholder}
        placeholder={text.searchPlaceholder}
        value={query}
        onInput={(event) => {
          const value = event.currentTarget.value;
          setQuery(value);
          if (!value) void loadFirstPage('');
        }}
        data-testid="search"
      />
      {list.offline && <p class="muted">{text.offlineList}</p>}
      {/* The same problem (say, no token) often stops both the save and the list: said once. */}
      {listError && !(saveState.kind === 'error' && saveState.message === listError) && (
        <p class="status error" role="alert" data-testid="list-error">
          {listError}
          {isSettingsProblem(listError) && settingsLink}
        </p>
      )}
      <ArticleList
        articles={shownArticles}
        hasMore={hasMore}
        loadingMore={loadingMore}
        query={query}
        emptyText={query ? text.noMatches : text.noArticles}
        onOpen={(id) => void openArticle(id)}
        onLoadMore={() => void loadMore()}
      />
    </main>
  );
}
