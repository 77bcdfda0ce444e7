import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { StoreUnavailableError } from '../../src/domain/errors';
import { startCopnet, type Copnet } from '../../src/start-copnet';
import { postGraphql, SMALL_NETWORK, UPSERT_ACTORS } from '../api/harness';
import { TEST_STORE } from '../store/test-store';

/**
 * Faults on a real Neo4j, with a test server of its own (the shared one stays up): copnet keeps
 * serving while Neo4j is down, answering STORE_UNAVAILABLE; Neo4j restarted on the same data
 * directory serves again without restarting copnet, with nothing lost; a wrong password at
 * start-up is one line naming the settings to fix.
 */

const RUN_SH = join(__dirname, '..', '..', 'scripts', 'neo4j-test-server', 'run.sh');
const PASSWORD = 'fault-test-password';
const START_MS = 10 * 60 * 1000;

interface Neo4jProcess {
  readonly uri: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts the Neo4j test server on `port` (0: a free one) over `data`; resolves once it prints its URI. */
function startNeo4j(port: number, data: string): Promise<Neo4jProcess> {
  const child: ChildProcess = spawn('bash', [RUN_SH, '--port', String(port), '--data', data, '--exit-with-stdin'], {
    env: { ...process.env, NEO4J_PASSWORD: PASSWORD },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the Neo4j test server did not start')), START_MS);
    child.once('exit', (code) => reject(new Error(`the Neo4j test server exited with ${code} before starting`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^bolt:\/\/127\.0\.0\.1:(\d+)$/.exec(line.trim());
      if (!match) return;
      clearTimeout(timer);
      resolve({
        uri: match[0],
        port: Number(match[1]),
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

async function totalActors(copnet: Copnet) {
  return postGraphql<{ actors: { totalCount: number } }>(`${copnet.url}/graphql`, '{ actors { totalCount } }');
}

if (TEST_STORE !== 'neo4j') {
  describe.skip('copnet when Neo4j fails', () => {
    it('runs under npm run test:neo4j', () => undefined);
  });
} else {
  describe('copnet when Neo4j fails', () => {
    const data = mkdtempSync(join(tmpdir(), 'copnet-neo4j-faults-'));
    let neo4j: Neo4jProcess | null = null;
    let copnet: Copnet | null = null;

    beforeAll(async () => {
      neo4j = await startNeo4j(0, data);
    }, START_MS);
    afterAll(async () => {
      await copnet?.stop();
      await neo4j?.stop();
      rmSync(data, { recursive: true, force: true });
    });

    const config = (password: string) =>
      loadConfig({
        PORT: '0',
        COPNET_STORE: 'neo4j',
        NEO4J_URI: neo4j!.uri,
        NEO4J_USER: 'neo4j',
        NEO4J_PASSWORD: password,
        COPNET_DEMO_DATA: 'off',
        // this suite is about the store failing, not about credentials: local single-user mode
        HOST: '127.0.0.1',
        COPNET_AUTH: 'off',
      });

    it('refuses a wrong password at start-up with one line naming NEO4J_URI and NEO4J_USER', async () => {
      const error = await startCopnet(config('not-the-password'), { log: () => undefined }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreUnavailableError);
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      expect(message).not.toContain('not-the-password');
      expect(message).toMatch(
        new RegExp(
          `^Neo4j at NEO4J_URI=${neo4j!.uri.replace(/[.]/g, '\\.')} refused the credentials of NEO4J_USER=neo4j \\(check NEO4J_USER and NEO4J_PASSWORD\\)`,
        ),
      );
    });

    it(
      'answers STORE_UNAVAILABLE while Neo4j is down and stays up, then serves again after a restart on the same data, nothing lost',
      async () => {
        const logged: string[] = [];
        copnet = await startCopnet(config(PASSWORD), { log: (message) => logged.push(message) });
        expect((await postGraphql(`${copnet.url}/graphql`, UPSERT_ACTORS, { actors: SMALL_NETWORK })).errors).toBeUndefined();
        expect((await totalActors(copnet)).data).toEqual({ actors: { totalCount: SMALL_NETWORK.length } });

        const port = neo4j!.port;
        await neo4j!.stop();
        neo4j = null;
        const down = await totalActors(copnet);
        expect(down.errors).toEqual([
          { message: 'The data store is unavailable; try again shortly.', path: ['actors'], extensions: { code: 'STORE_UNAVAILABLE' } },
        ]);
        const write = await postGraphql(`${copnet.url}/graphql`, UPSERT_ACTORS, {
          actors: [{ id: 'lost?', name: 'Written while down', kind: 'SCHOOL' }],
        });
        expect(write.errors?.map((e) => e.extensions?.code)).toEqual(['STORE_UNAVAILABLE']);
        const health = await fetch(`${copnet.url}/health`);
        expect(health.status).toBe(200);

        neo4j = await startNeo4j(port, data);
        // The driver reconnects by itself; the first request after the restart already succeeds.
        expect((await totalActors(copnet)).data).toEqual({ actors: { totalCount: SMALL_NETWORK.length } });
        const ids = await postGraphql<{ actors: { edges: { node: { id: string } }[] } }>(
          `${copnet.url}/graphql`,
          '{ actors(first: 50) { edges { node { id } } } }',
        );
        expect(ids.data!.actors.edges.map((e) => e.node.id)).toEqual(SMALL_NETWORK.map((a) => a.id).sort());
        expect(
          (await postGraphql(`${copnet.url}/graphql`, UPSERT_ACTORS, { actors: [{ id: 'after-restart', name: 'After', kind: 'SCHOOL' }] }))
            .errors,
        ).toBeUndefined();
        expect(logged.length).toBeGreaterThan(0);
      },
      3 * START_MS,
    );
  });
}
