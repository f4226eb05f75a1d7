import { useEffect, useRef } from 'preact/hooks';
import type { Article } from '../../shared/src/schemas';
import { messages } from '../utils/i18n';

interface ArticleViewProps {
  article: Article;
  notice: string;
  onBack(): void;
  onDelete(): void;
  onCopyMarkdown(): void;
}

function isWebAddress(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//i.test(url);
}

/** One saved article, whole. Every field is rendered as text: saved pages cannot inject markup. */
export function ArticleView({ article, notice, onBack, onDelete, onCopyMarkdown }: ArticleViewProps) {
  const text = messages();
  const backButton = useRef<HTMLButtonElement>(null);
  useEffect(() => backButton.current?.focus(), [article.id]);
  return (
    <article class="article" data-testid="article-view" onKeyDown={(event) => event.key === 'Escape' && onBack()}>
      <div class="actions">
        <button type="button" ref={backButton} onClick={onBack}>
          ← {text.back}
        </button>
        <button type="button" onClick={onCopyMarkdown}>
          {text.copyMarkdown}
        </button>
        <button type="button" onClick={onDelete} data-testid="delete-article">
          {text.delete}
        </button>
      </div>
      {notice && <p class="status" role="status">{notice}</p>}
      {article.kicker && <p class="kicker">{article.kicker}</p>}
      <h2>{article.title}</h2>
      {article.subtitle && <p class="subtitle">{article.subtitle}</p>}
      {(article.byline || article.dateline) && (
        <p class="byline">{[article.byline, article.dateline].filter(Boolean).join(' · ')}</p>
      )}
      {article.paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
      {article.captions.map((caption, index) => (
        <p class="caption" key={`caption-${index}`}>
          {caption}
        </p>
      ))}
      {isWebAddress(article.url) && (
        <p>
          <a href={article.url} target="_blank" rel="noopener noreferrer">
            {text.openSource}
          </a>
        </p>
      )}
    </article>
  );
}
