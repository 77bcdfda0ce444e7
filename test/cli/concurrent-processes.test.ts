import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { writeInteractionsCsv } from '../../src/import/write-import-files';
import { RECORD_INTERACTIONS, startTestServer, UPSERT_ACTORS, type TestServer } from '../api/harness';
import { TEST_STORE } from '../store/test-store';
import { bundleCli, runCli, type CliRun } from './cli-bundle';

/**
 * Issue 19, item 8: the CLI and the server share one SQLite file. Every write begins IMMEDIATE,
 * so whoever finds the other writing waits out the busy timeout instead of failing at once with
 * "database is locked" (the CLI) or STORE_UNAVAILABLE (the server). Real processes: the server in
 * this one, `copnet token list` and `copnet import` in children, on the same file.
 */
const sqliteOnly = TEST_STORE === 'sqlite' ? describe : describe.skip;

sqliteOnly('the CLI and the server write the same SQLite file at once', () => {
  let dir: string;
  let cli: string;
  let server: TestServer;
  let env: Record<string, string>;
  /** Interactions the HTTP clients recorded, over both tests. */
  let recordedOverHttp = 0;
  /** Numbers the HTTP writes over both tests, so each interaction's externalId is new. */
  let sequence = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copnet-processes-'));
    env = { COPNET_DB_PATH: join(dir, 'copnet.db'), COPNET_STORE: 'sqlite', NEO4J_URI: '' };
    [cli, server] = await Promise.all([bundleCli(), startTestServer({ dbPath: env.COPNET_DB_PATH })]);
    const seeded = await server.gql(UPSERT_ACTORS, {
      actors: Array.from({ length: 20 }, (_, i) => ({ id: `w${i}`, name: `Writer ${i}`, kind: 'INTERMEDIARY' })),
    });
    expect(seeded.errors).toBeUndefined();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(cli, { force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  /** Four clients writing small batches over HTTP until `until` settles; resolves to every error they got. */
  async function writeUntil(until: Promise<unknown>): Promise<{ writes: number; errors: string[] }> {
    let done = false;
    void until.finally(() => (done = true));
    let writes = 0;
    const errors: string[] = [];
    const client = async (c: number): Promise<void> => {
      while (!done) {
        const n = sequence++;
        const response =
          n % 2 === 0
            ? await server.gql(UPSERT_ACTORS, { actors: [{ id: `w${c}`, name: `Writer ${c} (${n})`, kind: 'INTERMEDIARY' }] })
            : await server.gql(RECORD_INTERACTIONS, {
                interactions: [
                  {
                    externalId: `http-${n}`,
                    kind: 'PEER_EXCHANGE',
                    occurredAt: '2021-05-01T00:00:00Z',
                    initiatorId: `w${c}`,
                    participantIds: ['w9'],
                  },
                ],
              });
        for (const error of response.errors ?? []) errors.push(`${String(error.extensions?.code)}: ${error.message}`);
        if (n % 2 === 1 && !response.errors) recordedOverHttp += 1;
        writes += 1;
      }
    };
    await Promise.all([0, 1, 2, 3].map(client));
    return { writes, errors };
  }

  it('runs `copnet token list` and a one-row `copnet import` while four clients write, and none of them fails', async () => {
    const oneRow = join(dir, 'one-row.csv');
    writeFileSync(oneRow, 'id,name,kind\ncli-actor,Imported While Busy,SCHOOL\n');
    const runs = (async (): Promise<CliRun[]> => {
      const all: CliRun[] = [];
      for (let round = 0; round < 2; round++) {
        all.push(...(await Promise.all([runCli(cli, ['token', 'list'], env), runCli(cli, ['import', '--actors', oneRow], env)])));
      }
      return all;
    })();
    const [written, finished] = await Promise.all([writeUntil(runs), runs]);
    expect(finished.map((run) => ({ code: run.code, stderr: run.stderr }))).toEqual(Array(4).fill({ code: 0, stderr: '' }));
    expect(finished[0]!.stdout).toMatch(/^test-admin\tadmin\tactive\t/);
    expect(finished[1]!.stdout).toContain('1 written');
    expect(finished[3]!.stdout).toContain('1 already present');
    expect(written.errors).toEqual([]);
    expect(written.writes).toBeGreaterThan(0);
  }, 180_000);

  it('imports a header, 1,000,000 empty lines and one row in flat memory (issue 19, item 9)', async () => {
    const file = join(dir, 'blank-lines.csv');
    writeFileSync(file, `id,name,kind\n${'\n'.repeat(1_000_000)}after-the-blanks,After The Blanks,SCHOOL\n`);
    // 96 MB of heap: each empty line used to cost about a kilobyte (1,000,000 lines: 900 MB).
    const run = await runCli(cli, ['import', '--actors', file], env, ['--max-old-space-size=96']);
    expect(run).toEqual({ code: 0, stdout: `Actors (${file}): 1 read, 1 written, 0 skipped, 0 already present\n`, stderr: '' });
    expect((await server.store.getActorsByIds(['after-the-blanks']))[0]?.name).toBe('After The Blanks');
    const bad = join(dir, 'blank-then-bad.csv');
    writeFileSync(bad, `id,name,kind\n${'\n'.repeat(1000)}bad,,SCHOOL\n`);
    const refused = await runCli(cli, ['import', '--actors', bad], env);
    expect(refused.stderr.split('\n')[0]).toBe(`${bad}, line 1002, column name: is empty; a value is required`);
  }, 180_000);

  it('keeps taking the server’s writes while `copnet import` commits a large batch', async () => {
    const file = join(dir, 'many.csv');
    await writeInteractionsCsv(
      file,
      (function* () {
        for (let i = 0; i < 30_000; i++) {
          yield {
            externalId: `cli-${i}`,
            kind: 'CONVENING',
            occurredAt: '2020-01-01T00:00:00Z',
            initiatorId: `w${i % 20}`,
            participantIds: [`w${(i + 1) % 20}`],
          };
        }
      })(),
    );
    const run = runCli(cli, ['import', '--interactions', file], env);
    const [written, imported] = await Promise.all([writeUntil(run), run]);
    expect({ code: imported.code, stderr: imported.stderr }).toEqual({ code: 0, stderr: '' });
    expect(imported.stdout).toContain('30,000 written');
    expect(written.errors).toEqual([]);
    expect(written.writes).toBeGreaterThan(0);
    expect(await server.store.countInteractions({})).toBe(30_000 + recordedOverHttp);
  }, 180_000);

  it('merges actors on the server while `copnet import` records interactions naming them: none is lost or left on a merged id', async () => {
    const olds = [0, 1, 2, 3, 4].map((k) => `old-${k}`);
    const seeded = await server.gql(UPSERT_ACTORS, {
      actors: [...olds, 'hub'].map((id) => ({ id, name: `Network ${id}`, kind: 'INTERMEDIARY' })),
    });
    expect(seeded.errors).toBeUndefined();
    const file = join(dir, 'naming-merged.csv');
    await writeInteractionsCsv(
      file,
      (function* () {
        for (let i = 0; i < 30_000; i++) {
          yield {
            externalId: `merge-${i}`,
            kind: 'SITE_VISIT',
            occurredAt: '2022-03-01T00:00:00Z',
            initiatorId: `w${i % 20}`,
            participantIds: [i % 3 === 0 ? olds[i % 5]! : `w${(i + 1) % 20}`],
          };
        }
      })(),
    );
    const run = runCli(cli, ['import', '--interactions', file], env);
    // One merge every 300 ms from the import's start: before its check, during its write and after its commit.
    const merges = olds.map(async (old, k) => {
      await new Promise((resolve) => setTimeout(resolve, 300 * k));
      return server.gql(`mutation { mergeActors(sourceId: "${old}", targetId: "hub") { id } }`);
    });
    const [imported, ...merged] = await Promise.all([run, ...merges]);
    expect({ code: imported.code, stderr: imported.stderr }).toEqual({ code: 0, stderr: '' });
    expect(imported.stdout).toContain('30,000 written');
    expect(merged.map((answer) => answer.errors ?? answer.data)).toEqual(olds.map(() => ({ mergeActors: { id: 'hub' } })));
    expect(await server.store.countInteractions({ actorId: 'hub' })).toBe(10_000);

    const db = new Database(env.COPNET_DB_PATH, { readonly: true });
    try {
      const one = (sql: string) => (db.prepare(sql).raw().get() as unknown[])[0];
      expect(one(`SELECT COUNT(*) FROM interactions WHERE initiator_id LIKE 'old-%' OR participant_ids LIKE '%"old-%'`)).toBe(0);
      expect(one(`SELECT COUNT(*) FROM interaction_actors WHERE actor_id LIKE 'old-%'`)).toBe(0);
      expect(one(`SELECT COUNT(*) FROM interaction_actors WHERE actor_id = 'hub'`)).toBe(10_000);
      // Every row of the import indexed exactly under its initiator and its participant.
      expect(
        one(
          `SELECT COUNT(*) FROM interaction_actors ia JOIN interactions i ON i.seq = ia.interaction_seq WHERE i.external_id LIKE 'merge-%'`,
        ),
      ).toBe(60_000);
    } finally {
      db.close();
    }
  }, 180_000);
});
