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

  it('refuses a missing or unknown role claim with its reason, and logs it like other refusals', async () => {
    const refusals: string[] = [];
    const settings = { jwksUrl, issuer: ISSUER, audience: AUDIENCE, roleClaim: 'copnet_role' };
    const logging = await startTestServer({ jwt: createJwtVerifier(settings, (error) => refusals.push((error as Error).message)) });
    try {
      const expected = 'it must be one of reader, writer, admin (lower case), or a list of them';
      const refused = async (role: unknown) => (await logging.gqlAs(await sign({ role }), COUNT)).errors;
      expect(await refused('superadmin')).toEqual([
        {
          message: `Your credential was refused: the JWT's copnet_role claim "superadmin" names no copnet role; ${expected}`,
          locations: [{ line: 1, column: 3 }],
          path: ['actors'],
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ]);
      expect((await refused('ADMIN'))?.[0]?.message).toBe(
        `Your credential was refused: the JWT's copnet_role claim "ADMIN" names no copnet role; ${expected}`,
      );
      expect((await refused(null))?.[0]?.message).toBe(`Your credential was refused: the JWT has no copnet_role claim; ${expected}`);
      await logging.gqlAs(await sign({ key: otherKey }), COUNT);
      expect(refusals).toEqual([
        `Your credential was refused: the JWT's copnet_role claim "superadmin" names no copnet role; ${expected}`,
        `Your credential was refused: the JWT's copnet_role claim "ADMIN" names no copnet role; ${expected}`,
        `Your credential was refused: the JWT has no copnet_role claim; ${expected}`,
        'signature verification failed',
      ]);
      const download = await logging.request('/export/json?from=2019-08-01&to=2020-08-01', { token: await sign({ role: 'root' }) });
      expect(download.status).toBe(401);
      expect(((await download.json()) as { error: string }).error).toMatch(
        /^Your credential was refused: the JWT's copnet_role claim "root"/,
      );
    } finally {
      await logging.stop();
    }
  });

  it('holds the subject to the text rules of ids before recording it as an author', async () => {
    const refusal = async (sub: string) =>
      (await server.gqlAs(await sign({ sub }), UPSERT_ACTORS, { actors: SMALL_NETWORK.slice(2, 3) })).errors;
    expect(await refusal('eve\u0000@example.org')).toEqual([
      {
        message:
          'Your credential was refused: the JWT\'s subject (sub) "eve\\u0000@example.org" contains the control character U+0000 at position 3; ids, names, tags and regions are one line of printable text',
        locations: [{ line: 1, column: 44 }],
        path: ['upsertActors'],
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
    expect((await refusal('eve@example.org\n2026-01-01 admin granted'))?.[0]?.message).toBe(
      'Your credential was refused: the JWT\'s subject (sub) "eve@example.org\\n2026-01-01 admin granted" contains the control character U+000A at position 15; ids, names, tags and regions are one line of printable text',
    );
    // A blank subject would record every such caller's writes as the same author, `jwt:`.
    expect((await refusal(''))?.[0]?.message).toBe(
      'Your credential was refused: the JWT\'s subject (sub) "" is blank; it names the author of writes',
    );
    expect((await refusal(' \t '))?.[0]?.message).toBe(
      'Your credential was refused: the JWT\'s subject (sub) " \\t " is blank; it names the author of writes',
    );
    expect((await refusal('e'.repeat(4000)))?.[0]?.message).toBe(
      `Your credential was refused: the JWT's subject (sub) "${'e'.repeat(116)}... is 4000 characters long; at most 200 are allowed`,
    );
    const written = await server.gql<{ actor: unknown }>(`{ actor(id: "${SMALL_NETWORK[2]!.id}") { id } }`);
    expect(written.data).toEqual({ actor: null });
  });

  it('records a subject in NFC, so the audit log finds its writes by the author it shows', async () => {
    const token = await sign({ sub: 'jose\u0301@example.org' });
    const written = await server.gqlAs(token, UPSERT_ACTORS, { actors: SMALL_NETWORK.slice(3, 4) });
    expect(written.errors).toBeUndefined();
    // Read as an admin by JWT: on Neo4j the test server started above emptied the shared database, tokens included.
    const log = await server.gqlAs<{ auditLog: { edges: { node: { by: string; subjectId: string } }[] } }>(
      await sign({ role: 'admin' }),
      `query($by: String) { auditLog(filter: { by: $by }) { edges { node { by subjectId } } } }`,
      { by: 'jwt:jose\u0301@example.org' },
    );
    expect(log.data!.auditLog.edges.map((e) => e.node)).toEqual([{ by: 'jwt:jos\u00e9@example.org', subjectId: SMALL_NETWORK[3]!.id }]);
  });

  it('reads the highest role from a list claim', async () => {
    const token = await sign({ role: ['reader', 'admin'] });
    expect((await server.gqlAs(token, `{ apiTokens { name } }`)).errors).toBeUndefined();
  });
});
