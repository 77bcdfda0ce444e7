import type { FailureChannel } from './cluster-failure-channel';
import type { Config } from '../config';
import { systemAuthor } from '../domain/access';
import type { Store } from '../store/store';
import { Authenticator } from './authenticator';
import { createJwtVerifier } from './jwt-verifier';
import { TokenService } from './token-service';

/** The authenticator the configuration asks for: API tokens, plus single sign-on when a JWKS URL is set. */
export function createAuthenticator(
  store: Store,
  config: Pick<Config, 'auth'>,
  log?: (message: string, error?: unknown) => void,
  failureChannel?: FailureChannel,
): Authenticator {
  const jwt = config.auth.jwt
    ? createJwtVerifier(config.auth.jwt, log && ((error) => log(`JWT refused: ${(error as Error).message}`)))
    : null;
  return new Authenticator({
    enabled: config.auth.enabled,
    tokens: new TokenService(store),
    jwt,
    failureLimit: config.auth.failureLimit,
    ...(failureChannel ? { failureChannel } : {}),
  });
}

/** The name of the admin token made at first start. */
export const FIRST_ADMIN_TOKEN_NAME = 'first-admin';

/**
 * At first start (auth on and no token that can still be used), creates an admin token and
 * returns it, to be shown once; null otherwise. Its name is first-admin, or first-admin-2, ...
 * when an earlier one was revoked.
 */
export async function createFirstStartToken(store: Store, config: Pick<Config, 'auth'>): Promise<string | null> {
  if (!config.auth.enabled) return null;
  const tokens = new TokenService(store);
  if (await tokens.anyUsable()) return null;
  const taken = new Set((await tokens.list()).map((token) => token.name));
  let name = FIRST_ADMIN_TOKEN_NAME;
  for (let n = 2; taken.has(name); n += 1) name = `${FIRST_ADMIN_TOKEN_NAME}-${n}`;
  const { token } = await tokens.create({ name, role: 'admin' }, systemAuthor('first-start'));
  return token;
}
