import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Article } from '../../shared/src/schemas';
import { messages } from '../utils/i18n';
import { ArticleBody } from './ArticleBody';

interface ArticleViewProps {
  article: Article;
  /** A short message under the actions (copied, failed); may hold a button such as Undo. */
  notice?: ComponentChildren;
  onBack(): void;
  /** Each action is shown only when given: a reader without write access passes none. */
  onDelete?(): void;
  onCopyMarkdown?(): void;
}

/** One saved article, whole, under a bar of actions that stays in view while the text scrolls. */
export function ArticleView({ article, notice, onBack, onDelete, onCopyMarkdown }: ArticleViewProps) {
  const text = messages();
  const backButton = useRef<HTMLButtonElement>(null);
  // Focused as the view is drawn, not after the next paint: a key pressed right after opening
  // (Escape) then reaches the view instead of the page's body.
  useLayoutEffect(() => backButton.current?.focus(), [article.id]);
  return (
    <article class="article" data-testid="article-view" onKeyDown={(event) => event.key === 'Escape' && onBack()}>
      <div class="actions">
        <button type="button" ref={backButton} onClick={onBack}>
          ← {text.back}
        </button>
        {onCopyMarkdown && (
          <button type="button" onClick={onCopyMarkdown}>
            {text.copyMarkdown}
          </button>
        )}
        {onDelete && (
          <button type="button" onClick={onDelete} data-testid="delete-article">
            {text.delete}
          </button>
        )}
      </div>
      {notice && (
        <p class="status" role="status">
          {notice}
        </p>
      )}
      <ArticleBody article={article} />
    </article>
  );
}
