import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { isRole } from '../domain/access';
import type { Principal } from './principal';

/** Single sign-on: JWTs signed by an identity provider whose keys are published as a JWKS. */
export interface JwtSettings {
  readonly jwksUrl: string;
  readonly issuer: string | null;
  readonly audience: string | null;
  /** The claim that carries copnet's role (reader, writer or admin), e.g. `copnet_role`. */
  readonly roleClaim: string;
}

export type JwtVerifier = (token: string) => Promise<Principal | null>;

/**
 * Verifies a JWT's signature against the provider's JWKS (fetched and cached by jose, refreshed
 * when an unknown key id appears), its issuer, audience and expiry, and reads the role from
 * the configured claim. Anything wrong gives null: the caller answers UNAUTHENTICATED.
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
    const role = roleFromClaim(payload[settings.roleClaim]);
    if (role === null || typeof payload.sub !== 'string') return null;
    return { name: `jwt:${payload.sub}`, role, via: 'jwt' };
  };
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
