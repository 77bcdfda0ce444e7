import { describe, expect, it } from 'vitest';
import { adoptTokenFromUrl, readToken, tokenFromFragment, type TokenStore } from './auth';

function memoryStore(): TokenStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

describe('the token from the first-start URL', () => {
  it('reads #token=… and keeps any other fragment parameter', () => {
    expect(tokenFromFragment('#token=abc.def')).toEqual({ token: 'abc.def', rest: '' });
    expect(tokenFromFragment('#token=abc&tab=map')).toEqual({ token: 'abc', rest: '#tab=map' });
    expect(tokenFromFragment('#tab=map')).toEqual({ token: null, rest: '#tab=map' });
    expect(tokenFromFragment('')).toEqual({ token: null, rest: '' });
    expect(tokenFromFragment('#token=')).toEqual({ token: null, rest: '' });
  });

  it('moves the token into session storage and out of the address bar, keeping path and query', () => {
    const storage = memoryStore();
    const replaced: string[] = [];
    const history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) } as unknown as History;
    adoptTokenFromUrl({ hash: '#token=s3cret', pathname: '/', search: '?view=map' } as Location, history, storage);
    expect(readToken(storage)).toBe('s3cret');
    expect(replaced).toEqual(['/?view=map']);
  });

  it('leaves the URL alone when it carries no token', () => {
    const storage = memoryStore();
    const replaced: string[] = [];
    const history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) } as unknown as History;
    adoptTokenFromUrl({ hash: '', pathname: '/', search: '' } as Location, history, storage);
    expect(replaced).toEqual([]);
    expect(readToken(storage)).toBeNull();
  });
});
