import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { generateTokenSecret } from '../../src/auth/token-secret';
import { ConfigError, loadConfig } from '../../src/config';
import { RECORD_INTERACTIONS, SMALL_NETWORK, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

const COUNT_ACTORS = `{ actors { totalCount } }`;
const AUDIT = `query($filter: AuditFilter) { auditLog(filter: $filter) { edges { node { by action subject subjectId before after } } } }`;
const UNAUTHENTICATED_WRITER = {
  message: 'This needs the writer role: send a valid credential as "Authorization: Bearer <token>"',
  path: ['upsertActors'],
  extensions: { code: 'UNAUTHENTICATED', requiredRole: 'writer' },
};

let server: TestServer;
let reader: string;
let writer: string;
beforeAll(async () => {
  server = await startTestServer();
  reader = await server.createToken('reader');
  writer = await server.createToken('writer');
});
afterAll(() => server.stop());

const actorCount = async () => (await server.gql<{ actors: { totalCount: number } }>(COUNT_ACTORS)).data!.actors.totalCount;

describe('who may read and write', () => {
  it('refuses anonymous reads, naming the role needed', async () => {
    const result = await server.gqlAs(null, COUNT_ACTORS);
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      {
        message: 'This needs the reader role: send a valid credential as "Authorization: Bearer <token>"',
        locations: [{ line: 1, column: 3 }],
        path: ['actors'],
        extensions: { code: 'UNAUTHENTICATED', requiredRole: 'reader' },
      },
    ]);
  });

  it('refuses anonymous and reader writes, and writes nothing', async () => {
    const before = await actorCount();
    const anonymous = await server.gqlAs(null, UPSERT_ACTORS, { actors: [{ id: 'x', name: 'pwned', kind: 'SCHOOL' }] });
    expect(anonymous.errors).toEqual([{ ...UNAUTHENTICATED_WRITER, locations: [{ line: 1, column: 44 }] }]);
    const asReader = await server.gqlAs(reader, UPSERT_ACTORS, { actors: [{ id: 'x', name: 'pwned', kind: 'SCHOOL' }] });
    expect(asReader.errors).toEqual([
      {
        message: "This needs the writer role; your credential's role is lower",
        locations: [{ line: 1, column: 44 }],
        path: ['upsertActors'],
        extensions: { code: 'FORBIDDEN', requiredRole: 'writer' },
      },
    ]);
    expect(await actorCount()).toBe(before);
    expect((await server.gqlAs(reader, COUNT_ACTORS)).data).toEqual({ actors: { totalCount: before } });
  });

  it('lets a writer write, and the audit log and the stamps name it', async () => {
    const written = await server.gqlAs(writer, UPSERT_ACTORS, { actors: SMALL_NETWORK });
    expect(written.errors).toBeUndefined();
    const recorded = await server.gqlAs<{ recordInteractions: { id: string }[] }>(writer, RECORD_INTERACTIONS, {
      interactions: [{ kind: 'CONVENING', occurredAt: '2019-10-01T00:00:00Z', initiatorId: 'bmgf', participantIds: ['nsi-core'] }],
    });
    const id = recorded.data!.recordInteractions[0]!.id;
    const log = await server.gql<{ auditLog: { edges: { node: Record<string, unknown> }[] } }>(AUDIT, { filter: { interactionId: id } });
    expect(log.data!.auditLog.edges.map((e) => e.node)).toEqual([
      {
        by: 'writer',
        action: 'CREATE',
        subject: 'INTERACTION_BATCH',
        subjectId: 'api',
        before: null,
        after: { source: 'api', count: 1, interactionIds: [id] },
      },
    ]);
    const stamped = await server.gqlAs<{ actor: Record<string, unknown> }>(
      reader,
      `{ actor(id: "bmgf") { recordedBy recordedAt updatedBy updatedAt } }`,
    );
    expect(stamped.data!.actor).toEqual({ recordedBy: 'writer', recordedAt: expect.any(String), updatedBy: null, updatedAt: null });
    const byWriter = await server.gql<{ auditLog: { edges: unknown[] } }>(AUDIT, { filter: { by: 'writer' } });
    expect(byWriter.data!.auditLog.edges).toHaveLength(SMALL_NETWORK.length + 1);
  });

  it('keeps the audit log and tokens to admins', async () => {
    const asWriter = await server.gqlAs(writer, AUDIT);
    expect(asWriter.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', requiredRole: 'admin' });
    const create = await server.gqlAs(writer, `mutation { createToken(input: { name: "mine", role: admin }) { token } }`);
    expect(create.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', requiredRole: 'admin' });
  });

  it('creates a token through the API that works at once, and revokes it so that it is refused like an unknown one', async () => {
    const created = await server.gql<{ createToken: { token: string; apiToken: Record<string, unknown> } }>(
      `mutation { createToken(input: { name: "importer", role: writer, expiresIn: "90d" }) { token apiToken { name role createdBy revokedAt expiresAt } } }`,
    );
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data!.createToken;
    expect(token).toMatch(/^copnet_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({ name: 'importer', role: 'writer', createdBy: 'test-admin', revokedAt: null });
    expect((await server.gqlAs(token, COUNT_ACTORS)).errors).toBeUndefined();

    const revoked = await server.gql(`mutation { revokeToken(name: "importer") { name revokedAt } }`);
    expect(revoked.errors).toBeUndefined();
    const refused = await server.gqlAs(token, COUNT_ACTORS);
    const unknown = await server.gqlAs(generateTokenSecret().token, COUNT_ACTORS);
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', requiredRole: 'reader' });
    expect(refused.errors).toEqual(unknown.errors); // never says whether a token exists
    const log = await server.gql<{ auditLog: { edges: { node: { action: string; subjectId: string; after: unknown } }[] } }>(AUDIT, {
      filter: { by: 'test-admin' },
    });
    expect(log.data!.auditLog.edges.map((e) => `${e.node.action} ${e.node.subjectId}`)).toEqual([
      'TOKEN_CREATED importer',
      'TOKEN_REVOKED importer',
    ]);
    expect(JSON.stringify(log.data)).not.toContain(token.slice(20));
  });

  it('refuses a lifetime that is no duration, an empty one included, naming expiresIn', async () => {
    for (const expiresIn of ['', '0d', 'soon']) {
      const created = await server.gql(
        `mutation($expiresIn: String) { createToken(input: { name: "x", role: reader, expiresIn: $expiresIn }) { token } }`,
        {
          expiresIn,
        },
      );
      expect(created.errors).toEqual([
        {
          message: `expiresIn: ${JSON.stringify(expiresIn)} must be a positive duration such as 12h, 90d or 2w`,
          locations: [{ line: 1, column: 32 }],
          path: ['createToken'],
          extensions: { code: 'BAD_USER_INPUT', field: 'expiresIn' },
        },
      ]);
    }
    // null still means a token that never expires.
    const never = await server.gql<{ createToken: { apiToken: { expiresAt: string | null } } }>(
      `mutation { createToken(input: { name: "never", role: reader, expiresIn: null }) { apiToken { expiresAt } } }`,
    );
    expect(never.data).toEqual({ createToken: { apiToken: { expiresAt: null } } });
  });

  it('refuses an expired token', async () => {
    const secret = generateTokenSecret();
    await server.store.createToken(
      {
        identifier: secret.identifier,
        name: 'expired',
        role: 'admin',
        secretHash: secret.secretHash,
        createdAt: new Date('2020-01-01T00:00:00Z'),
        createdBy: 'test',
        lastUsedAt: null,
        expiresAt: new Date(Date.now() - 1000),
        revokedAt: null,
        surveyId: null,
        actorId: null,
      },
      { by: 'test', at: new Date() },
    );
    expect((await server.gqlAs(secret.token, COUNT_ACTORS)).errors?.[0]?.extensions).toEqual({
      code: 'UNAUTHENTICATED',
      requiredRole: 'reader',
    });
  });

  it('keeps only hashes of tokens in the store file', async () => {
    if (process.env.NEO4J_URI) return; // the file check is for the embedded store
    const created = await server.gql<{ createToken: { token: string } }>(
      `mutation { createToken(input: { name: "file-check", role: reader }) { token } }`,
    );
    const token = created.data!.createToken.token;
    const secret = token.slice('copnet_'.length + 13);
    const bytes = Buffer.concat([readFileSync(server.dbPath), readFileSync(`${server.dbPath}-wal`)]);
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect(bytes.includes(Buffer.from(server.adminToken.slice(20)))).toBe(false);
    expect(bytes.includes(Buffer.from(createHash('sha256').update(secret).digest('hex')))).toBe(true);
  });
});

describe('exports and health', () => {
  it('answers /export with 401 without a credential, 403 below reader never, 200 for a reader; /health is open', async () => {
    const path = '/export/json?from=2019-08-01&to=2020-08-01';
    const anonymous = await server.request(path, { token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="copnet"');
    expect(await anonymous.json()).toEqual({
      error: 'This needs the reader role: send a valid credential as "Authorization: Bearer <token>"',
      code: 'UNAUTHENTICATED',
      requiredRole: 'reader',
    });
    expect((await server.request(path, { token: 'copnet_nope' })).status).toBe(401);
    expect((await server.request(path, { token: reader })).status).toBe(200);
    const health = await server.request('/health', { token: null });
    expect(health.status).toBe(200);
  });
});

describe('failed authentications', () => {
  it('are limited per client address: past the limit even a good token gets 429 for a while', async () => {
    const limited = await startTestServer({ failureLimit: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await limited.gqlAs('copnet_wrong', COUNT_ACTORS)).status).toBe(200);
      const blocked = await limited.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: COUNT_ACTORS }),
      });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await blocked.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
        'TOO_MANY_REQUESTS',
      );
      expect((await limited.request('/export/json?from=2019-08-01&to=2020-08-01')).status).toBe(429);
      expect((await limited.request('/health', { token: null })).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});

describe('CORS', () => {
  it('lets listed origins call the API from a browser and refuses the others', async () => {
    const cors = await startTestServer({ corsOrigins: ['https://dash.example.org'] });
    try {
      const preflight = (origin: string) =>
        cors.request('/graphql', {
          method: 'OPTIONS',
          token: null,
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
        });
      const allowed = await preflight('https://dash.example.org');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dash.example.org');
      expect(allowed.headers.get('access-control-allow-headers')).toContain('Authorization');
      const refused = await preflight('https://evil.example.com');
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();

      const post = (origin: string) =>
        cors.request('/graphql', {
          method: 'POST',
          headers: { origin, 'content-type': 'application/json' },
          body: JSON.stringify({ query: COUNT_ACTORS }),
        });
      expect((await post('https://dash.example.org')).headers.get('access-control-allow-origin')).toBe('https://dash.example.org');
      expect((await post('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await cors.stop();
    }
    // The default: same origin only.
    const plain = await server.request('/graphql', {
      method: 'OPTIONS',
      token: null,
      headers: { origin: 'https://dash.example.org', 'access-control-request-method': 'POST' },
    });
    expect(plain.status).toBe(403);
  });
});

describe('COPNET_AUTH=off', () => {
  it('is refused unless HOST is a loopback address', () => {
    expect(() => loadConfig({ COPNET_AUTH: 'off', HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => loadConfig({ COPNET_AUTH: 'off', HOST: '0.0.0.0' })).toThrow(
      'Invalid configuration: COPNET_AUTH=off is for single-user local use only and needs HOST to be a loopback address (127.0.0.1, ::1 or localhost), not HOST=0.0.0.0',
    );
    expect(() => loadConfig({ COPNET_AUTH: 'off', HOST: '192.168.1.5' })).toThrow(ConfigError);
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'])
      expect(loadConfig({ COPNET_AUTH: 'off', HOST: host }).auth.enabled).toBe(false);
    expect(loadConfig({}).auth.enabled).toBe(true);
  });
});
