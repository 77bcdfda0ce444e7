import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { isRole, ROLES } from '../domain/access';
import { describeValue } from '../domain/errors';
import { normalizeText, textProblem } from '../domain/text-rules';
import { CredentialRefusedError } from './access-error';
import type { Principal } from './principal';

/** Single sign-on: JWTs signed by an identity provider whose keys are published as a JWKS. */
export interface JwtSettings {
  readonly jwksUrl: string;
  readonly issuer: string | null;
  readonly audience: string | null;
  /** The claim that carries copnet's role (reader, writer or admin), e.g. `copnet_role`. */
  readonly roleClaim: string;
}

/** A principal, null for a token that is not genuine, or CredentialRefusedError (thrown) for a genuine one copnet cannot take. */
export type JwtVerifier = (token: string) => Promise<Principal | null>;

/**
 * Verifies a JWT's signature against the provider's JWKS (fetched and cached by jose, refreshed
 * when an unknown key id appears), its issuer, audience and expiry, and reads the role from
 * the configured claim. A token that is not genuine gives null (the caller answers
 * UNAUTHENTICATED, saying nothing more); a genuine one whose role claim names no role, or whose
 * subject breaks the text rules of ids (it becomes the author of writes), throws
 * CredentialRefusedError with the reason. Every refusal's reason goes to `onError`.
 */
export function createJwtVerifier(settings: JwtSettings, onError?: (error: unknown) => void): JwtVerifier {
  const keys = createRemoteJWKSet(new URL(settings.jwksUrl));
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        ...(settings.issuer ? { issuer: settings.issuer } : {}),
        ...(settings.audience ? { audience: settings.audience } : {}),
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      onError?.(error);
      return null;
    }
    const refusal = subjectProblem(payload.sub) ?? roleProblem(payload[settings.roleClaim], settings.roleClaim);
    if (refusal !== null) {
      const error = new CredentialRefusedError(refusal);
      onError?.(error);
      throw error;
    }
    // In NFC, as every stored text: the audit log's `by` filter looks authors up in NFC.
    return { name: `jwt:${normalizeText(payload.sub!)}`, role: roleFromClaim(payload[settings.roleClaim])!, via: 'jwt' };
  };
}

/** The subject is recorded as the author of writes (`jwt:<sub>`): the text rules of ids apply to it. */
function subjectProblem(sub: unknown): string | null {
  if (typeof sub !== 'string') return `the JWT's subject (sub) ${describeValue(sub)} is not a string`;
  // An empty one would record every such caller's writes as the same `jwt:`.
  if (sub.trim() === '') return `the JWT's subject (sub) ${describeValue(sub)} is blank; it names the author of writes`;
  const problem = textProblem(sub, 'id');
  return problem === null ? null : `the JWT's subject (sub) ${describeValue(sub)} ${problem}`;
}

function roleProblem(claim: unknown, roleClaim: string): string | null {
  if (roleFromClaim(claim) !== null) return null;
  const expected = `it must be one of ${ROLES.join(', ')} (lower case), or a list of them`;
  if (claim === undefined || claim === null) return `the JWT has no ${roleClaim} claim; ${expected}`;
  return `the JWT's ${roleClaim} claim ${describeValue(claim)} names no copnet role; ${expected}`;
}

/** A role claim may be one role or a list of them (the highest counts). */
function roleFromClaim(claim: unknown): Principal['role'] | null {
  const values = Array.isArray(claim) ? claim : [claim];
  const roles = values.filter(isRole);
  if (roles.includes('admin')) return 'admin';
  if (roles.includes('writer')) return 'writer';
  if (roles.includes('reader')) return 'reader';
  return null;
}
