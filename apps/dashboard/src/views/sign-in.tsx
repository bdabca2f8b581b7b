import { useState, type FormEvent } from 'react';
import { clientFor, messageOf, orThrow } from '../api';
import type { Me } from '../me';

/** The token is asked for once per tab, checked against the api, then kept in sessionStorage. */
export function SignIn({ onSignedIn }: { onSignedIn(token: string, me: Me): void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await orThrow(clientFor(token.trim()).GET('/v1/whoami'));
      onSignedIn(token.trim(), me);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" className="sign-in">
      <h1>Interflow</h1>
      <form onSubmit={(event) => void submit(event)} className="panel">
        <label htmlFor="token">API token</label>
        <input
          id="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          placeholder="ifw_…"
          required
        />
        <p className="hint">Kept in this tab only (session storage); closing the tab signs you out.</p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || token.trim() === ''}>
          Sign in
        </button>
      </form>
    </main>
  );
}
