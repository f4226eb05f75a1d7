import { useState } from 'preact/hooks';
import type { Session } from '../../shared/src/schemas';
import { ApiError, signIn } from './client';
import type { words } from './i18n';

interface SignInProps {
  t: ReturnType<typeof words>;
  notice: string;
  onSignedIn(user: Session): void;
}

/** The token is read from the field, sent once, and dropped: the session cookie carries on. */
export function SignIn({ t, notice, onSignedIn }: SignInProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const field = form.elements.namedItem('token') as HTMLInputElement;
    const token = field.value.trim();
    if (!token) return;
    setBusy(true);
    setError('');
    try {
      const user = await signIn(token);
      field.value = '';
      onSignedIn(user);
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 401 ? t.badToken : caught instanceof ApiError && caught.status === 0 ? t.unreachable : t.failed(String((caught as Error).message)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="sign-in" id="main">
      <h1>{t.signInTitle}</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      <form onSubmit={(event) => void submit(event)} data-testid="sign-in">
        <label for="token">{t.tokenLabel}</label>
        <input id="token" name="token" type="password" autocomplete="current-password" spellcheck={false} required />
        <p class="hint">{t.signInHelp}</p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
    </main>
  );
}
