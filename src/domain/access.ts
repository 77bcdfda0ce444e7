import { InvalidInputError } from './errors';

/**
 * Who may do what. Each role of the hierarchy includes the ones before it:
 * - reader: queries and exports;
 * - writer: also records and corrects data;
 * - admin: also manages API tokens and reads the audit log.
 * Beside them, `respondent` (issue 23): a token bound to one survey and one actor, which may
 * only read and submit that actor's form; no other role includes it, nor does it include any.
 */
export const ROLES = ['reader', 'writer', 'admin'] as const;
export type HierarchyRole = (typeof ROLES)[number];
export const RESPONDENT_ROLE = 'respondent';
export type Role = typeof RESPONDENT_ROLE | HierarchyRole;
/** Every role a stored token may hold. */
export const STORED_ROLES: readonly Role[] = [RESPONDENT_ROLE, ...ROLES];

/** A role of the hierarchy (what tokens made by `copnet token create` and JWT claims may hold). */
export function isRole(value: unknown): value is HierarchyRole {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether a holder of `held` may do what needs `needed`: respondent only what needs respondent. */
export function roleAllows(held: Role, needed: Role): boolean {
  if (held === RESPONDENT_ROLE || needed === RESPONDENT_ROLE) return held === needed;
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

export function parseRole(value: unknown, field: string): HierarchyRole {
  if (!isRole(value)) throw new InvalidInputError(field, value, `is not one of ${ROLES.join(', ')}`);
  return value;
}

/**
 * An API token as stored: never the token itself, only the SHA-256 of its secret. The
 * public `identifier` (part of the token text) finds the row with one indexed read.
 */
export interface StoredToken {
  readonly identifier: string;
  /** Unique among tokens not revoked; `copnet token revoke NAME` uses it. */
  readonly name: string;
  readonly role: Role;
  /** Hex SHA-256 of the secret part of the token. */
  readonly secretHash: string;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly lastUsedAt: Date | null;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  /** The survey a respondent token answers (issue 23); null for every other token. */
  readonly surveyId: string | null;
  /** The actor a respondent token answers for; null for every other token. */
  readonly actorId: string | null;
}

/** Who made a change and when: a token's name, or `jwt:<subject>` for single sign-on. */
export interface Author {
  readonly by: string;
  readonly at: Date;
}

/** The author of writes made without a request (CLI import, demo data, migrations). */
export function systemAuthor(by = 'system'): Author {
  return { by, at: new Date() };
}

/** Token names: what `copnet token revoke NAME` takes, so no spaces or control characters. */
export function validateTokenName(value: unknown, field = 'name'): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/.test(value)) {
    throw new InvalidInputError(
      field,
      value,
      'must be 1 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit',
    );
  }
  return value;
}

const DURATION_UNITS: Readonly<Record<string, number>> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
/** The most units an expiry counts (5 digits): 99999w is about 1,900 years, within a Date's range. */
const MAX_DURATION_COUNT = 99_999;

/**
 * An expiry like `90d`, `12h` or `2w` as an instant after `now`; null (or absent) means never. An empty
 * text is refused like any other non-duration: taking it for "never" made a token that never expires
 * from a form left blank.
 */
export function parseExpiry(value: string | null | undefined, now: Date, field = 'expires'): Date | null {
  if (value === null || value === undefined) return null;
  const count = /^(\d+)[hdw]$/.exec(value)?.[1];
  if (count !== undefined && Number(count) > MAX_DURATION_COUNT) {
    // A duration in form, only too long: say so, not that it is no duration.
    throw new InvalidInputError(field, value, `is too long a lifetime; at most ${MAX_DURATION_COUNT} hours, days or weeks`);
  }
  const match = /^(\d{1,5})([hdw])$/.exec(value);
  if (!match || Number(match[1]) === 0) throw new InvalidInputError(field, value, 'must be a positive duration such as 12h, 90d or 2w');
  return new Date(now.getTime() + Number(match[1]) * DURATION_UNITS[match[2]!]!);
}

/** A token as the audit log and the API show it: never its hash. */
export function tokenRecord(token: StoredToken): Record<string, unknown> {
  return {
    name: token.name,
    role: token.role,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
