import type { Role } from '../domain/access';

/**
 * A request refused for its credentials. UNAUTHENTICATED: none, or none copnet accepts
 * (unknown, revoked, expired, badly signed: the message never says which). FORBIDDEN: a
 * valid credential whose role is too low. Both name the role needed.
 */
export class AccessError extends Error {
  override readonly name = 'AccessError';
  constructor(
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN',
    readonly requiredRole: Role,
    /** The refused credential's role, when known (a respondent link is not "lower", it is apart). */
    heldRole?: Role,
  ) {
    super(
      code === 'UNAUTHENTICATED'
        ? `This needs the ${requiredRole} role: send a valid credential as "Authorization: Bearer <token>"`
        : requiredRole === 'respondent'
          ? "This needs the respondent role: only a survey's respondent link reads its form and submits its answers"
          : heldRole === 'respondent'
            ? `This needs the ${requiredRole} role; a respondent link may only read its own form and submit its own answers`
            : `This needs the ${requiredRole} role; your credential's role is lower`,
    );
  }
}

/** Too many failed authentications from one client address: try again after `retryAfterSeconds`. */
export class TooManyFailuresError extends Error {
  override readonly name = 'TooManyFailuresError';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed authentications from this address; try again in ${retryAfterSeconds} s`);
  }
}

/**
 * A credential that is genuine (a JWT signed by the identity provider) but that copnet cannot
 * take: its role claim names no copnet role, or its subject breaks the text rules. Answered
 * UNAUTHENTICATED with the reason, which tells nothing about other credentials.
 */
export class CredentialRefusedError extends Error {
  override readonly name = 'CredentialRefusedError';
  constructor(readonly reason: string) {
    super(`Your credential was refused: ${reason}`);
  }
}
