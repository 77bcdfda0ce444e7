import { parseExpiry, parseRole, validateTokenName, type Author, type StoredToken } from '../domain/access';
import { isSurveyOpen } from '../domain/survey';
import type { Store } from '../store/store';
import { CredentialRefusedError } from './access-error';
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

  /**
   * `expires` is a duration such as `90d` (null: never). Input errors name `name`, `role` or
   * `expiresField` (the caller's name for the lifetime: `expiresIn` in GraphQL, `expires` on the command line).
   */
  async create(
    input: { name: string; role: string; expires?: string | null },
    author: Author,
    expiresField = 'expires',
  ): Promise<CreatedToken> {
    const name = validateTokenName(input.name);
    const role = parseRole(input.role, 'role');
    const expiresAt = parseExpiry(input.expires, author.at, expiresField);
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

  /**
   * A respondent token (issue 23): role `respondent`, bound to one survey and one actor, named
   * `survey:<surveyId>:<actorId>:<n>` (not a name `copnet token` takes: it is made only here),
   * expiring at `expiresAt` (the survey's closesAt) if given. It works only while the survey is open.
   */
  async createRespondent(
    input: { surveyId: string; actorId: string; n: number; expiresAt: Date | null },
    author: Author,
  ): Promise<CreatedToken> {
    const secret = generateTokenSecret();
    const stored: StoredToken = {
      identifier: secret.identifier,
      name: `survey:${input.surveyId}:${input.actorId}:${input.n}`,
      role: 'respondent',
      secretHash: secret.secretHash,
      createdAt: author.at,
      createdBy: author.by,
      lastUsedAt: null,
      expiresAt: input.expiresAt,
      revokedAt: null,
      surveyId: input.surveyId,
      actorId: input.actorId,
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

  /**
   * The principal a presented token stands for; null when it is malformed, unknown, revoked or
   * expired. A respondent token whose survey is closed (or gone) is refused with
   * CredentialRefusedError saying so: the link itself is genuine, the answers are over.
   */
  async authenticate(text: string, now: Date = new Date()): Promise<Principal | null> {
    const parts = parseToken(text);
    if (!parts) return null;
    const token = await this.store.findToken(parts.identifier);
    if (!token || !secretMatches(parts.secret, token.secretHash)) return null;
    const respondent = token.surveyId !== null && token.actorId !== null ? { surveyId: token.surveyId, actorId: token.actorId } : null;
    // Before the expiry: a link expires at its survey's closesAt, and a respondent re-opening it then is
    // told the survey closed (not that the credential is bad, which also counted towards the address's lockout).
    if (respondent && token.revokedAt === null) {
      const survey = await this.store.surveys.getSurvey(respondent.surveyId);
      if (!survey || !isSurveyOpen(survey, now)) {
        throw new CredentialRefusedError('this respondent link is for a survey that has closed; answers are no longer taken');
      }
    }
    if (!usable(token, now)) return null;
    const last = this.touched.get(token.identifier) ?? token.lastUsedAt?.getTime() ?? 0;
    if (now.getTime() - last >= TOUCH_INTERVAL_MS) {
      this.touched.set(token.identifier, now.getTime());
      await this.store.touchToken(token.identifier, now);
    }
    return respondent
      ? { name: token.name, role: 'respondent', via: 'token', respondent }
      : { name: token.name, role: token.role, via: 'token' };
  }
}

function usable(token: StoredToken, now: Date): boolean {
  return token.revokedAt === null && (token.expiresAt === null || token.expiresAt.getTime() > now.getTime());
}
