import { useEffect, useRef } from 'preact/hooks';
import type { CachedArticle } from '../utils/storage';
import { messages } from '../utils/i18n';
import { Marked, queryMarks } from './Marked';

function sourceLabel(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

interface ArticleListProps {
  articles: CachedArticle[];
  /** The search the list answers: its words are marked in the titles. */
  query?: string;
  hasMore: boolean;
  loadingMore: boolean;
  emptyText: string;
  onOpen(id: string): void;
  onLoadMore(): void;
}

/** The saved articles, newest first; scrolling to the end (or the button) loads the next page. */
export function ArticleList({ articles, query = '', hasMore, loadingMore, emptyText, onOpen, onLoadMore }: ArticleListProps) {
  const text = messages();
  const sentinel = useRef<HTMLLIElement>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasMore) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onLoadMore();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, onLoadMore, articles.length]);

  if (articles.length === 0) return <p class="muted">{emptyText}</p>;
  return (
    <ul class="articles" data-testid="article-list">
      {articles.map((article) => (
        <li key={article.id}>
          <button type="button" class="item" data-article-id={article.id} onClick={() => onOpen(article.id)}>
            <span class="title">
              <Marked text={article.title} marks={queryMarks(article.title, query)} />
            </span>
            {article.snippet ? (
              <span class="summary snippet">
                <Marked text={article.snippet.text} marks={article.snippet.marks} />
              </span>
            ) : (
              <span class="summary">{article.summary}</span>
            )}
            <span class="source">{sourceLabel(article.url)}</span>
          </button>
        </li>
      ))}
      {hasMore && (
        <li ref={sentinel}>
          <button type="button" onClick={onLoadMore} disabled={loadingMore}>
            {loadingMore ? text.loading : text.loadMore}
          </button>
        </li>
      )}
    </ul>
  );
}
