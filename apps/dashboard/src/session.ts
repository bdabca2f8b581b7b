/**
 * The api token of this browser tab. Kept in sessionStorage: it survives a reload, not
 * the tab; it never goes into a URL, a cookie or a log line.
 */
const KEY = 'interflow.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
