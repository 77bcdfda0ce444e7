import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { startCopnet } from '../../src/start-copnet';
import { postGraphql } from '../api/harness';

const dir = mkdtempSync(join(tmpdir(), 'copnet-first-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the first start', () => {
  it('creates an admin token shown once with a ready URL, and none again while a token can be used', async () => {
    const config = loadConfig({ PORT: '0', COPNET_DB_PATH: join(dir, 'copnet.db'), COPNET_DEMO_DATA: 'off' });
    const first = await startCopnet(config);
    let token: string;
    try {
      expect(first.firstStart).not.toBeNull();
      token = first.firstStart!.token;
      expect(first.firstStart!.url).toBe(`${first.url}/#token=${token}`);
      const asAdmin = await postGraphql<{ apiTokens: { name: string; role: string }[] }>(
        `${first.url}/graphql`,
        `{ apiTokens { name role } }`,
        undefined,
        token,
      );
      expect(asAdmin.data).toEqual({ apiTokens: [{ name: 'first-admin', role: 'admin' }] });
      await postGraphql(
        `${first.url}/graphql`,
        `mutation { createToken(input: { name: "second-admin", role: admin }) { token } }`,
        undefined,
        token,
      );
      await postGraphql(`${first.url}/graphql`, `mutation { revokeToken(name: "first-admin") { name } }`, undefined, token);
    } finally {
      await first.stop();
    }
    const second = await startCopnet(config);
    try {
      expect(second.firstStart).toBeNull(); // second-admin can still be used
    } finally {
      await second.stop();
    }
  });

  it('does nothing with COPNET_AUTH=off, where every request is the local admin', async () => {
    const config = loadConfig({ PORT: '0', COPNET_DB_PATH: join(dir, 'off.db'), COPNET_DEMO_DATA: 'off', COPNET_AUTH: 'off' });
    const copnet = await startCopnet(config);
    try {
      expect(copnet.firstStart).toBeNull();
      const written = await postGraphql<{ upsertActors: { id: string; recordedBy: string }[] }>(
        `${copnet.url}/graphql`,
        `mutation { upsertActors(actors: [{ id: "a", name: "A", kind: SCHOOL }]) { id recordedBy } }`,
        undefined,
        null,
      );
      expect(written.data).toEqual({ upsertActors: [{ id: 'a', recordedBy: 'local' }] });
    } finally {
      await copnet.stop();
    }
  });
});

describe('the Docker image', () => {
  it('listens on all interfaces with auth on', () => {
    const dockerfile = readFileSync(join(__dirname, '..', '..', 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/HOST=0\.0\.0\.0/);
    expect(dockerfile).toMatch(/COPNET_AUTH=on/);
    expect(dockerfile).not.toMatch(/COPNET_AUTH=off/);
  });
});
