import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ArticleList } from '../../extension/components/ArticleList';
import { ArticleView } from '../../extension/components/ArticleView';
import { messages } from '../../extension/utils/i18n';
import type { Article, ArticleSummary, Session } from '../../shared/src/schemas';
import {
  ApiError,
  currentSession,
  deleteArticle,
  getArticle,
  getArticleMarkdown,
  listArticles,
  restoreArticle,
  signOut,
} from './client';
import { FeedExport } from './FeedExport';
import { useLanguage, words } from './i18n';
import { parseRoute, routeHref, type Route } from './route';
import { SignIn } from './SignIn';

const PAGE_SIZE = 30;
/** Typing pauses this long before a search is sent. */
const SEARCH_DELAY_MS = 300;
/** How long a deleted article can be brought back with Undo. */
const UNDO_MS = 8000;

interface ListState {
  q: string;
  articles: ArticleSummary[];
  cursor: string | null;
  loaded: boolean;
  loadingMore: boolean;
}

interface Toast {
  message: string;
  onUndo?(): void;
}

type SessionState = { kind: 'checking' } | { kind: 'signed-out'; notice: string } | { kind: 'signed-in'; user: Session };

const EMPTY_LIST: ListState = { q: '', articles: [], cursor: null, loaded: false, loadingMore: false };

export function App() {
  const [language, chooseLanguage] = useLanguage();
  const t = words(language);
  const [session, setSession] = useState<SessionState>({ kind: 'checking' });
  const [route, setRoute] = useState<Route>(() => parseRoute(location));
  const [searchInput, setSearchInput] = useState(route.kind === 'list' ? route.q : '');
  const [list, setList] = useState<ListState>(EMPTY_LIST);
  const [article, setArticle] = useState<Article | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [toast, setToast] = useState<Toast | null>(null);
  const listRequest = useRef(0);
  const listScroll = useRef(0);
  /** The article read last: back on the list, the keyboard is on it. */
  const lastArticleId = useRef('');
  /** Whether the article on screen was opened from the list, so Back can simply go back. */
  const openedFromList = useRef(false);

  const navigate = useCallback((next: Route, options: { replace?: boolean } = {}) => {
    if (route.kind === 'list') listScroll.current = window.scrollY;
    openedFromList.current = route.kind === 'list' && next.kind === 'article';
    const href = routeHref(next);
    if (options.replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    setRoute(next);
  }, [route.kind]);

  useEffect(() => {
    const onPop = () => {
      openedFromList.current = false;
      setRoute(parseRoute(location));
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  /** A failed request: an ended session goes back to sign-in, anything else is shown. */
  const showError = useCallback(
    (caught: unknown) => {
      // 401: no valid session. 403 csrf_failed: the session's CSRF cookie is gone (cleared by hand).
      if (caught instanceof ApiError && (caught.status === 401 || caught.code === 'csrf_failed')) {
        setSession({ kind: 'signed-out', notice: t.sessionEnded });
        setList(EMPTY_LIST);
        return;
      }
      setError(caught instanceof ApiError && caught.status === 0 ? t.unreachable : t.failed(caught instanceof Error ? caught.message : String(caught)));
    },
    [t],
  );

  useEffect(() => {
    currentSession().then(
      (user) => setSession(user ? { kind: 'signed-in', user } : { kind: 'signed-out', notice: '' }),
      (caught) => {
        setSession({ kind: 'signed-out', notice: '' });
        showError(caught);
      },
    );
  }, []);

  const signedIn = session.kind === 'signed-in';
  const wantedQuery = route.kind === 'list' ? route.q : list.q;

  // The first page of the list or of a search, whenever the wanted one is not the one shown.
  useEffect(() => {
    if (!signedIn || (list.loaded && list.q === wantedQuery)) return;
    const request = ++listRequest.current;
    listArticles({ q: wantedQuery, limit: PAGE_SIZE }).then(
      (page) => {
        if (request !== listRequest.current) return;
        setList({ q: wantedQuery, articles: page.articles, cursor: page.cursor, loaded: true, loadingMore: false });
        setError('');
      },
      (caught) => request === listRequest.current && showError(caught),
    );
  }, [signedIn, wantedQuery, list.loaded, list.q, showError]);

  const loadMore = useCallback(() => {
    if (!list.cursor || list.loadingMore) return;
    const request = listRequest.current;
    setList((current) => ({ ...current, loadingMore: true }));
    listArticles({ q: list.q, cursor: list.cursor, limit: PAGE_SIZE }).then(
      (page) => {
        if (request !== listRequest.current) return;
        setList((current) => {
          const known = new Set(current.articles.map((item) => item.id));
          return { ...current, articles: [...current.articles, ...page.articles.filter((item) => !known.has(item.id))], cursor: page.cursor, loadingMore: false };
        });
      },
      (caught) => {
        setList((current) => ({ ...current, loadingMore: false }));
        showError(caught);
      },
    );
  }, [list.cursor, list.loadingMore, list.q, showError]);

  // Typing searches after a pause; the address follows, so Back and reloading keep the search.
  useEffect(() => {
    if (route.kind !== 'list' || searchInput.trim() === route.q) return;
    const timer = setTimeout(() => navigate({ kind: 'list', q: searchInput.trim() }, { replace: true }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchInput, route, navigate]);

  const articleId = route.kind === 'article' ? route.id : null;
  useEffect(() => {
    setNotice('');
    if (!signedIn || !articleId) return;
    lastArticleId.current = articleId;
    setArticle((current) => (current?.id === articleId ? current : null));
    let current = true;
    getArticle(articleId).then(
      (loaded) => current && setArticle(loaded),
      (caught) => current && showError(caught),
    );
    return () => {
      current = false;
    };
  }, [signedIn, articleId, showError]);

  // Back on the list, where the reader left it, with the keyboard on the article just read.
  useLayoutEffect(() => {
    if (route.kind !== 'list') return window.scrollTo(0, 0);
    window.scrollTo(0, listScroll.current);
    document.querySelector<HTMLElement>(`button.item[data-article-id="${CSS.escape(lastArticleId.current)}"]`)?.focus({ preventScroll: true });
  }, [route.kind]);

  useEffect(() => {
    const shown = route.kind === 'article' && article?.id === route.id ? article.title : route.kind === 'export' ? t.feedAndExport : '';
    document.title = shown ? `${shown} · ${t.appName}` : t.appName;
  }, [route, article, t]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  const removeArticle = async (target: Article) => {
    try {
      await deleteArticle(target.id);
    } catch (caught) {
      showError(caught);
      return;
    }
    const index = list.articles.findIndex((item) => item.id === target.id);
    const listed = list.articles[index];
    setList((current) => ({ ...current, articles: current.articles.filter((item) => item.id !== target.id) }));
    // The deleted article's address is replaced, so Back does not lead to it.
    navigate({ kind: 'list', q: list.q }, { replace: true });
    setToast({
      message: t.deletedTitle(target.title),
      onUndo: () => {
        setToast(null);
        restoreArticle(target.id).then(() => {
          if (listed) {
            setList((current) =>
              current.articles.some((item) => item.id === listed.id)
                ? current
                : { ...current, articles: [...current.articles.slice(0, index), listed, ...current.articles.slice(index)] },
            );
          } else {
            setList((current) => ({ ...current, loaded: false }));
          }
          setToast({ message: messages().restored });
        }, showError);
      },
    });
  };

  const copyMarkdown = async (target: Article) => {
    try {
      await navigator.clipboard.writeText(await getArticleMarkdown(target.id));
      setNotice(messages().copied);
    } catch (caught) {
      showError(caught);
    }
  };

  const goTo = (next: Route) => (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(next);
  };

  const languageSwitch = (
    <button type="button" class="link" lang={t.otherLanguageCode === 'zh' ? 'zh-CN' : 'en'} onClick={() => chooseLanguage(t.otherLanguageCode)} data-testid="language">
      {t.otherLanguage}
    </button>
  );

  if (session.kind !== 'signed-in') {
    return (
      <>
        <header class="topbar">
          <span class="brand">{t.appName}</span>
          <nav>{languageSwitch}</nav>
        </header>
        {session.kind === 'signed-out' && (
          <SignIn t={t} notice={session.notice || error} onSignedIn={(user) => {
            setError('');
            setSession({ kind: 'signed-in', user });
          }} />
        )}
      </>
    );
  }

  const searching = route.kind === 'list' && route.q !== '';
  return (
    <>
      <header class="topbar">
        <a class="brand" href="/" onClick={goTo({ kind: 'list', q: '' })}>
          {t.appName}
        </a>
        <nav>
          <a href="/export" onClick={goTo({ kind: 'export' })} aria-current={route.kind === 'export' ? 'page' : undefined}>
            {t.feedAndExport}
          </a>
          {languageSwitch}
          <button
            type="button"
            class="link"
            onClick={() =>
              void signOut().then(() => {
                setList(EMPTY_LIST);
                setSession({ kind: 'signed-out', notice: '' });
                navigate({ kind: 'list', q: '' }, { replace: true });
              }, showError)
            }
          >
            {t.signOut}
          </button>
        </nav>
      </header>
      {error && (
        <p class="error banner" role="alert">
          {error}{' '}
          <button type="button" class="link" onClick={() => setError('')} aria-label={messages().dismiss}>
            ✕
          </button>
        </p>
      )}
      {route.kind === 'list' && (
        <main id="main" class="library">
          <form
            role="search"
            class="search"
            onSubmit={(event) => {
              event.preventDefault();
              navigate({ kind: 'list', q: searchInput.trim() }, { replace: true });
            }}
          >
            <input
              type="search"
              aria-label={t.searchLabel}
              placeholder={messages().searchPlaceholder}
              value={searchInput}
              onInput={(event) => setSearchInput(event.currentTarget.value)}
              data-testid="search"
            />
          </form>
          {list.loaded && list.q === route.q ? (
            <>
              {searching && (
                <p class="count" role="status" data-testid="result-count">
                  {t.results(list.articles.length, list.cursor !== null)}
                </p>
              )}
              <ArticleList
                articles={list.articles}
                query={list.q}
                hasMore={list.cursor !== null}
                loadingMore={list.loadingMore}
                emptyText={searching ? messages().noMatches : messages().noArticles}
                onOpen={(id) => navigate({ kind: 'article', id })}
                onLoadMore={loadMore}
              />
            </>
          ) : (
            <p class="muted" aria-busy="true">
              {messages().loading}
            </p>
          )}
        </main>
      )}
      {route.kind === 'article' && (
        <main id="main" class="reader">
          {article && article.id === route.id ? (
            <ArticleView
              article={article}
              notice={notice}
              onBack={() => (openedFromList.current ? history.back() : navigate({ kind: 'list', q: list.q }))}
              onDelete={() => void removeArticle(article)}
              onCopyMarkdown={() => void copyMarkdown(article)}
            />
          ) : (
            <p class="muted" aria-busy="true">
              {messages().loading}
            </p>
          )}
        </main>
      )}
      {route.kind === 'export' && <FeedExport t={t} listedIds={list.articles.map((item) => item.id)} onError={showError} />}
      <div class="toast-region" aria-live="polite">
        {toast && (
          <div class="toast" data-testid="toast">
            <span>{toast.message}</span>
            {toast.onUndo && (
              <button type="button" onClick={toast.onUndo} data-testid="undo">
                {messages().undo}
              </button>
            )}
          </div>
        )}
      </div>
    </>
  );
}
