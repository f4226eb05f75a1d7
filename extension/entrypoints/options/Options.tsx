import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
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

  const save = async (event: Event) => {
    event.preventDefault();
    const permitted = requestServerPermission();
    await serverUrlItem.setValue(serverUrl.trim());
    await apiTokenItem.setValue(token.trim());
    setResult((await permitted) ? { kind: 'ok', message: text.savedSettings } : { kind: 'error', message: text.permissionDenied });
  };

  const testConnection = async () => {
    const permitted = requestServerPermission();
    setBusy(true);
    setResult(null);
    try {
      if (!(await permitted)) throw new Error(text.permissionDenied);
      const { version } = await sendMessage('testConnection', { serverUrl, token });
      setResult({ kind: 'ok', message: text.connectionOk(version) });
    } catch (error) {
      setResult({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void save(event)}>
      <h1>{text.optionsTitle}</h1>
      <label for="server-url">{text.serverUrl}</label>
      <input
        id="server-url"
        type="url"
        value={serverUrl}
        placeholder="http://127.0.0.1:8787"
        onInput={(event) => setServerUrl(event.currentTarget.value)}
      />
      <label for="token">{text.token}</label>
      <input id="token" type="password" autocomplete="off" value={token} onInput={(event) => setToken(event.currentTarget.value)} />
      <div class="buttons">
        <button type="submit" class="primary">
          {text.save}
        </button>
        <button type="button" onClick={() => void testConnection()} disabled={busy}>
          {busy ? text.testing : text.testConnection}
        </button>
      </div>
      {result && (
        <p class={result.kind === 'error' ? 'status error' : 'status'} role={result.kind === 'error' ? 'alert' : 'status'} data-testid="connection-result">
          {result.message}
        </p>
      )}
    </form>
  );
}
