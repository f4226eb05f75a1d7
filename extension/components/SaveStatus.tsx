import type { ComponentChildren } from 'preact';
import type { ArticleSummary } from '../../shared/src/schemas';
import { messages } from '../utils/i18n';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; articles: ArticleSummary[]; alreadySaved: boolean }
  | { kind: 'queued' }
  | { kind: 'error'; message: string };

/**
 * Progress and outcome of a save: the titles of the articles found (the list below shows their
 * summaries), the capture kept for later, or what went wrong with `errorAction` (say, a button
 * to the settings) beside it.
 */
export function SaveStatus({ state, errorAction }: { state: SaveState; errorAction?: ComponentChildren }) {
  const text = messages();
  if (state.kind === 'idle') return null;
  if (state.kind === 'saving') return <p class="status" role="status" aria-busy="true">{text.saving}</p>;
  if (state.kind === 'queued') return <p class="status" role="status" data-testid="save-queued">{text.queued}</p>;
  if (state.kind === 'error') {
    return (
      <p class="status error" role="alert" data-testid="save-error">
        {state.message}
        {errorAction}
      </p>
    );
  }
  return (
    <div class="status saved" role="status" data-testid="save-result">
      <strong>{state.alreadySaved ? text.alreadySaved(state.articles.length) : text.savedArticles(state.articles.length)}</strong>
      <ul>
        {state.articles.map((saved) => (
          <li key={saved.id} title={saved.title}>
            <strong>{saved.title}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
