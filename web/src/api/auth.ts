/**
 * The API token, when copnet asks for one: taken from the first-start URL's fragment
 * (`/#token=…`), kept in this tab's session storage and removed from the address bar at
 * once, so it never stays in the URL, the history or a shared link.
 */
const KEY = 'copnet.token';

export interface TokenStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The token in a URL fragment such as `#token=abc` (other fragment parameters kept). */
export function tokenFromFragment(hash: string): { token: string | null; rest: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  params.delete('token');
  const rest = params.toString();
  return { token: token && token.trim() !== '' ? token.trim() : null, rest: rest === '' ? '' : `#${rest}` };
}

/** At load: moves a fragment token into session storage and rewrites the URL without it. */
export function adoptTokenFromUrl(location: Location, history: History, storage: TokenStore): void {
  const { token, rest } = tokenFromFragment(location.hash);
  if (token === null) return;
  storage.setItem(KEY, token);
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest}`);
}

export function readToken(storage: TokenStore): string | null {
  return storage.getItem(KEY);
}

export function saveToken(storage: TokenStore, token: string): void {
  storage.setItem(KEY, token.trim());
}

export function forgetToken(storage: TokenStore): void {
  storage.removeItem(KEY);
}
