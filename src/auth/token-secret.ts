import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API token text: `copnet_<identifier>_<secret>`. The identifier (12 base64url characters,
 * 72 random bits) is public and finds the stored row with one indexed read; the secret
 * (43 base64url characters, 256 random bits) is stored only as its SHA-256. A fast hash is
 * enough here: the secret is random, not a password, so there is nothing to guess from it.
 */
const PREFIX = 'copnet_';
const IDENTIFIER_LENGTH = 12;
const SECRET_BYTES = 32;
const TOKEN_PATTERN = /^copnet_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewTokenSecret {
  /** The whole token, shown once. */
  readonly token: string;
  readonly identifier: string;
  readonly secretHash: string;
}

export function generateTokenSecret(): NewTokenSecret {
  const identifier = randomBytes(9).toString('base64url');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { token: `${PREFIX}${identifier}_${secret}`, identifier, secretHash: hashSecret(secret) };
}

/** The parts of a token in copnet's format, or null for anything else (e.g. a JWT). */
export function parseToken(text: string): { readonly identifier: string; readonly secret: string } | null {
  const match = TOKEN_PATTERN.exec(text);
  return match ? { identifier: match[1]!, secret: match[2]! } : null;
}

export function looksLikeApiToken(text: string): boolean {
  return text.startsWith(PREFIX) && text.length > PREFIX.length + IDENTIFIER_LENGTH;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
