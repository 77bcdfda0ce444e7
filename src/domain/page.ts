import { InvalidInputError } from './errors';

/** Page sizes for every connection: documented in the GraphQL schema too. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/**
 * Keyset position after which a page starts. Actors are ordered by id; interactions
 * by (occurredAt, id). Cursors are opaque base64url strings over this key.
 */
export type ActorCursor = { readonly id: string };
export type InteractionCursor = { readonly occurredAt: number; readonly id: string };

export interface PageRequest<C> {
  readonly first: number;
  readonly after: C | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly hasNextPage: boolean;
}

/** A page from `first + 1` rows read in order: the extra row only tells that a next page exists. */
export function toPage<T>(rows: readonly T[], first: number): Page<T> {
  return { items: rows.slice(0, first), hasNextPage: rows.length > first };
}

/**
 * The answer to `first: 0`: no items and no next page. A page of nothing has no end cursor
 * to continue from, so `hasNextPage: true` would send a naive pager round forever;
 * `totalCount` tells how many there are.
 */
export const EMPTY_PAGE: Page<never> = Object.freeze({ items: [], hasNextPage: false });

export function validatePageSize(first: number | null | undefined, field = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new InvalidInputError(field, first, `must be a whole number from 0 to ${MAX_PAGE_SIZE}`);
  }
  return first;
}

export function encodeActorCursor(cursor: ActorCursor): string {
  return encode(['a', cursor.id]);
}

export function encodeInteractionCursor(cursor: InteractionCursor): string {
  return encode(['i', cursor.occurredAt, cursor.id]);
}

export function decodeActorCursor(text: string | null | undefined, field = 'after'): ActorCursor | null {
  if (text === null || text === undefined) return null;
  const parts = decode(text, field);
  if (parts.length !== 2 || parts[0] !== 'a' || typeof parts[1] !== 'string') throw malformed(field, text);
  return { id: parts[1] };
}

export function decodeInteractionCursor(text: string | null | undefined, field = 'after'): InteractionCursor | null {
  if (text === null || text === undefined) return null;
  const parts = decode(text, field);
  const [tag, occurredAt, id] = parts;
  if (parts.length !== 3 || tag !== 'i' || typeof occurredAt !== 'number' || !Number.isSafeInteger(occurredAt) || typeof id !== 'string') {
    throw malformed(field, text);
  }
  return { occurredAt, id };
}

function encode(parts: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

function decode(text: string, field: string): unknown[] {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw malformed(field, text);
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(parsed)) return parsed;
  } catch {
    // fall through to the uniform error below
  }
  throw malformed(field, text);
}

function malformed(field: string, text: string): InvalidInputError {
  return new InvalidInputError(field, text, 'is not a cursor returned by this API');
}
