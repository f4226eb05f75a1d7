import type { ArticleSummary } from '../../shared/src/schemas';
import { messages } from '../utils/i18n';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; articles: ArticleSummary[]; alreadySaved: boolean }
  | { kind: 'queued' }
  | { kind: 'error'; message: string };

/** Progress and outcome of a save: the articles found, the capture kept for later, or what went wrong. */
export function SaveStatus({ state }: { state: SaveState }) {
  const text = messages();
  if (state.kind === 'idle') return null;
  if (state.kind === 'saving') return <p class="status" role="status" aria-busy="true">{text.saving}</p>;
  if (state.kind === 'queued') return <p class="status" role="status" data-testid="save-queued">{text.queued}</p>;
  if (state.kind === 'error') {
    return (
      <p class="status error" role="alert" data-testid="save-error">
        {state.message}
      </p>
    );
  }
  return (
    <div class="status" role="status" data-testid="save-result">
      <strong>{state.alreadySaved ? text.alreadySaved(state.articles.length) : text.savedArticles(state.articles.length)}</strong>
      <ul>
        {state.articles.map((saved) => (
          <li key={saved.id}>
            <strong>{saved.title}</strong>
            {saved.summary && <span class="muted"> — {saved.summary}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
