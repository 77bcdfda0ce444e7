import { parseExpiry, parseRole, validateTokenName, type Author, type StoredToken } from '../domain/access';
import type { Store } from '../store/store';
import type { Principal } from './principal';
import { generateTokenSecret, parseToken, secretMatches } from './token-secret';

/** How often a token's last use is written at most: not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface CreatedToken {
  /** The token itself: shown once, never stored. */
  readonly token: string;
  readonly stored: StoredToken;
}

/** API tokens: create (shown once), list, revoke, and check a presented token. */
export class TokenService {
  private readonly touched = new Map<string, number>();

  constructor(private readonly store: Store) {}

  /** `expires` is a duration such as `90d` (null: never). Input errors name `name`, `role` or `expires`. */
  async create(input: { name: string; role: string; expires?: string | null }, author: Author): Promise<CreatedToken> {
    const name = validateTokenName(input.name);
    const role = parseRole(input.role, 'role');
    const expiresAt = parseExpiry(input.expires, author.at);
    const secret = generateTokenSecret();
    const stored: StoredToken = {
      identifier: secret.identifier,
      name,
      role,
      secretHash: secret.secretHash,
      createdAt: author.at,
      createdBy: author.by,
      lastUsedAt: null,
      expiresAt,
      surveyId: null,
      actorId: null,
      revokedAt: null,
    };
    await this.store.createToken(stored, author);
    return { token: secret.token, stored };
  }

  list(): Promise<StoredToken[]> {
    return this.store.listTokens();
  }

  revoke(name: string, author: Author): Promise<StoredToken> {
    return this.store.revokeToken(name, author);
  }

  /** Whether any token can still be used (not revoked, not expired): the first start creates one when none can. */
  async anyUsable(now: Date = new Date()): Promise<boolean> {
    return (await this.store.listTokens()).some((token) => usable(token, now));
  }

  /** The principal a presented token stands for; null when it is malformed, unknown, revoked or expired. */
  async authenticate(text: string, now: Date = new Date()): Promise<Principal | null> {
    const parts = parseToken(text);
    if (!parts) return null;
    const token = await this.store.findToken(parts.identifier);
    if (!token || !secretMatches(parts.secret, token.secretHash) || !usable(token, now)) return null;
    const last = this.touched.get(token.identifier) ?? token.lastUsedAt?.getTime() ?? 0;
    if (now.getTime() - last >= TOUCH_INTERVAL_MS) {
      this.touched.set(token.identifier, now.getTime());
      await this.store.touchToken(token.identifier, now);
    }
    return { name: token.name, role: token.role, via: 'token' };
  }
}

function usable(token: StoredToken, now: Date): boolean {
  return token.revokedAt === null && (token.expiresAt === null || token.expiresAt.getTime() > now.getTime());
}
