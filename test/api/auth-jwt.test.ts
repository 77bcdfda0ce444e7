import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { createJwtVerifier } from '../../src/auth/jwt-verifier';
import { loadConfig } from '../../src/config';
import { SMALL_NETWORK, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

/**
 * Single sign-on with a real key pair: the test plays the identity provider, serving its
 * public key as a JWKS over HTTP, and signs tokens the way a provider would.
 */
const ISSUER = 'https://idp.example.org/';
const AUDIENCE = 'copnet';
const KID = 'test-key-1';

let jwks: Server;
let jwksUrl: string;
let signingKey: KeyLike;
let otherKey: KeyLike;
let server: TestServer;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  jwks = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
  const config = loadConfig({ COPNET_JWT_JWKS_URL: jwksUrl, COPNET_JWT_ISSUER: ISSUER, COPNET_JWT_AUDIENCE: AUDIENCE });
  expect(config.auth.jwt).toEqual({ jwksUrl, issuer: ISSUER, audience: AUDIENCE, roleClaim: 'copnet_role' });
  server = await startTestServer({ jwt: createJwtVerifier(config.auth.jwt!) });
});
afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => jwks?.close(resolve));
});

interface Claims {
  sub?: string;
  role?: unknown;
  audience?: string;
  issuer?: string;
  expiresIn?: string | number;
  key?: KeyLike;
}

function sign({
  sub = 'alice@example.org',
  role = 'writer',
  audience = AUDIENCE,
  issuer = ISSUER,
  expiresIn = '5m',
  key = signingKey,
}: Claims = {}) {
  return new SignJWT({ copnet_role: role })
    .setProtectedHeader({ alg: 'RS256', kid: KID })
    .setSubject(sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
}

const COUNT = `{ actors { totalCount } }`;
const refusedCode = async (token: string) => (await server.gqlAs(token, COUNT)).errors?.[0]?.extensions?.code ?? 'accepted';

describe('single sign-on with JWTs', () => {
  it('accepts a token signed by the provider, takes the role from the claim, and records the subject as author', async () => {
    const token = await sign();
    const written = await server.gqlAs(token, UPSERT_ACTORS, { actors: SMALL_NETWORK.slice(0, 1) });
    expect(written.errors).toBeUndefined();
    const log = await server.gql<{ auditLog: { edges: { node: { by: string; subjectId: string } }[] } }>(
      `{ auditLog(filter: { actorId: "bmgf" }) { edges { node { by subjectId } } } }`,
    );
    expect(log.data!.auditLog.edges.map((e) => e.node)).toEqual([{ by: 'jwt:alice@example.org', subjectId: 'bmgf' }]);
  });

  it('gives a reader claim read access only', async () => {
    const token = await sign({ role: 'reader' });
    expect(await refusedCode(token)).toBe('accepted');
    const write = await server.gqlAs(token, UPSERT_ACTORS, { actors: SMALL_NETWORK.slice(1, 2) });
    expect(write.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', requiredRole: 'writer' });
  });

  it('refuses a wrong signature, audience, issuer, an expired token and a missing or unknown role', async () => {
    expect(await refusedCode(await sign({ key: otherKey }))).toBe('UNAUTHENTICATED');
    expect(await refusedCode(await sign({ audience: 'someone-else' }))).toBe('UNAUTHENTICATED');
    expect(await refusedCode(await sign({ issuer: 'https://evil.example.org/' }))).toBe('UNAUTHENTICATED');
    expect(await refusedCode(await sign({ expiresIn: Math.floor(Date.now() / 1000) - 60 }))).toBe('UNAUTHENTICATED');
    expect(await refusedCode(await sign({ role: 'superuser' }))).toBe('UNAUTHENTICATED');
    expect(await refusedCode(await sign({ role: null }))).toBe('UNAUTHENTICATED');
    expect(await refusedCode('not.a.jwt')).toBe('UNAUTHENTICATED');
  });

  it('reads the highest role from a list claim', async () => {
    const token = await sign({ role: ['reader', 'admin'] });
    expect((await server.gqlAs(token, `{ apiTokens { name } }`)).errors).toBeUndefined();
  });
});
