import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ApiFailureKind } from '../../utils/api-failure';
import { serverBaseUrl } from '../../utils/api-failure';
import { messages } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import { apiTokenItem, serverUrlItem } from '../../utils/storage';

type Result = { kind: 'ok' | 'error'; message: string } | null;

/** The origin pattern to ask permission for, unless the manifest already grants it (local dev server). */
function originPattern(serverUrl: string): string | undefined {
  try {
    const url = serverBaseUrl(serverUrl);
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return undefined;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return undefined;
  }
}

/** What to fix, said for this page: the popup's wording sends people here ("Open the settings…"). */
function problemHere(kind: ApiFailureKind | 'unknown', message: string): string {
  const text = messages();
  const here: Partial<Record<ApiFailureKind, string>> = {
    'no-server': text.settingsNoServer,
    'bad-server-url': text.settingsBadServerUrl,
    'no-token': text.settingsNoToken,
    unauthorized: text.settingsUnauthorized,
    unreachable: text.settingsUnreachable,
    'bad-response': text.settingsBadResponse,
  };
  return (kind !== 'unknown' && here[kind]) || message;
}

export function Options() {
  const text = messages();
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);

  useEffect(() => {
    void serverUrlItem.getValue().then(setServerUrl);
    void apiTokenItem.getValue().then(setToken);
  }, []);

  /** Asks for the server's origin; must run straight from the click, before any await. */
  const requestServerPermission = (): Promise<boolean> => {
    const origin = originPattern(serverUrl);
    if (!origin) return Promise.resolve(true);
    return browser.permissions.request({ origins: [origin] }).catch(() => false);
  };

  const store = async () => {
    await serverUrlItem.setValue(serverUrl.trim());
    await apiTokenItem.setValue(token.trim());
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const permitted = requestServerPermission();
    await store();
    setResult((await permitted) ? { kind: 'ok', message: text.savedSettings } : { kind: 'error', message: text.permissionDenied });
  };

  /** Tests the settings as typed; when the server answers and takes the token, they are saved. */
  const testConnection = async () => {
    const permitted = requestServerPermission();
    setBusy(true);
    setResult(null);
    try {
      if (!(await permitted)) {
        setResult({ kind: 'error', message: text.permissionDenied });
        return;
      }
      const outcome = await sendMessage('testConnection', { serverUrl, token });
      if (outcome.ok) {
        await store();
        setResult({ kind: 'ok', message: text.connectedAndSaved(outcome.version) });
      } else {
        setResult({ kind: 'error', message: problemHere(outcome.kind, outcome.message) });
      }
    } catch (error) {
      setResult({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="settings">
      <header>
        <img src="/icon/48.png" alt="" width="32" height="32" />
        <h1>{text.optionsTitle}</h1>
      </header>
      <form onSubmit={(event) => void save(event)}>
        <div class="field">
          <label for="server-url">{text.serverUrl}</label>
          <input
            id="server-url"
            type="url"
            value={serverUrl}
            placeholder="http://127.0.0.1:8787"
            aria-describedby="server-url-help"
            onInput={(event) => setServerUrl(event.currentTarget.value)}
          />
          <p class="help" id="server-url-help">
            {text.serverUrlHelp}
          </p>
        </div>
        <div class="field">
          <label for="token">{text.token}</label>
          <input
            id="token"
            type="password"
            autocomplete="off"
            value={token}
            aria-describedby="token-help"
            onInput={(event) => setToken(event.currentTarget.value)}
          />
          <p class="help" id="token-help">
            {text.tokenHelp}
          </p>
        </div>
        <div class="buttons">
          <button type="button" class="primary" onClick={() => void testConnection()} disabled={busy}>
            {busy ? text.testing : text.testConnection}
          </button>
          <button type="submit">{text.save}</button>
        </div>
        {result && (
          <p class={result.kind === 'error' ? 'status error' : 'status ok'} role={result.kind === 'error' ? 'alert' : 'status'} data-testid="connection-result">
            {result.message}
          </p>
        )}
      </form>
    </main>
  );
}
