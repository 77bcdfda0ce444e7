import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { mergedStoreFile, type Inspect } from '../import/merged-store';
import { bundleCli, runCli } from './cli-bundle';

/**
 * The probe's case, through the real `copnet import` on a real SQLite file: more than a
 * batch (50,000 rows on SQLite) of good rows, then one whose participant is its initiator
 * once merged actors are resolved. The check finds it before anything is written, as a row
 * problem with file and line, and --skip-invalid skips it.
 */
const GOOD_ROWS = 50_001;
const BAD_ROW = 'big-bad,SITE_VISIT,2024-03-01,px-a,px-d,1,';

let dir: string;
let cli: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copnet-import-merged-'));
  cli = await bundleCli();
}, 120_000);
afterAll(() => {
  rmSync(cli, { force: true });
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh SQLite file with px-a, px-d and px-x, px-a merged into px-d; its environment for the CLI. */
async function mergedDb(name: string): Promise<{ env: Record<string, string>; inspect: Inspect }> {
  const path = join(dir, `${name}.db`);
  const inspect = await mergedStoreFile(path, ['px-a', 'px-d', 'px-x'], ['px-a'], 'px-d', openSqliteStore);
  return { env: { COPNET_DB_PATH: path, COPNET_STORE: 'sqlite', NEO4J_URI: '' }, inspect };
}

/** Good row i: px-x with px-a (lands on px-d) or px-d. */
const goodRow = (i: number) => ({
  externalId: `good-${i}`,
  kind: 'SITE_VISIT',
  occurredAt: '2024-03-01',
  initiatorId: 'px-x',
  participantIds: [i % 2 === 0 ? 'px-a' : 'px-d'],
  weight: 1,
});

function csvFile(name: string): string {
  const lines = ['external_id,kind,occurred_at,initiator_id,participant_ids,weight,note'];
  for (let i = 0; i < GOOD_ROWS; i++) {
    const row = goodRow(i);
    lines.push(`${row.externalId},SITE_VISIT,2024-03-01,px-x,${row.participantIds[0]},1,`);
  }
  lines.push(BAD_ROW, '');
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

function jsonFile(name: string): string {
  const interactions: object[] = Array.from({ length: GOOD_ROWS }, (_, i) => goodRow(i));
  interactions.push({
    externalId: 'big-bad',
    kind: 'SITE_VISIT',
    occurredAt: '2024-03-01',
    initiatorId: 'px-a',
    participantIds: ['px-d'],
    weight: 1,
  });
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ interactions }));
  return file;
}

const REASON = 'names only the initiator "px-d" once merged actors are resolved ("px-a" was merged into "px-d")';

describe.each([
  { format: 'csv', file: csvFile, at: `line ${GOOD_ROWS + 2}, column participant_ids`, args: (file: string) => ['--interactions', file] },
  {
    format: 'json',
    file: jsonFile,
    at: `interactions[${GOOD_ROWS}], field participantIds`,
    args: (file: string) => ['--format', 'json', file],
  },
])('copnet import ($format) of a row that names only its initiator once merged actors are resolved', ({ format, file, at, args }) => {
  it('reports the row with its file and place and writes nothing', async () => {
    const db = await mergedDb(`refused-${format}`);
    const input = file(`refused.${format}`);
    const revision = await db.inspect((store) => store.revision());
    const run = await runCli(cli, ['import', ...args(input)], db.env);
    expect(run).toEqual({
      code: 1,
      stdout: `Interactions (${input}): 50,002 read, 0 written, 1 skipped, 0 already present\n`,
      stderr: [
        `${input}, ${at}: ${REASON}`,
        'Nothing written: 1 problem in 1 row. Fix them and import again, or add --skip-invalid to write the valid rows.',
        '',
      ].join('\n'),
    });
    expect(await db.inspect(async (store) => [await store.countInteractions({}), await store.revision()])).toEqual([0, revision]);
  }, 120_000);

  it('with --skip-invalid, skips that row and writes the others, those naming px-a on px-d', async () => {
    const db = await mergedDb(`skipped-${format}`);
    const input = file(`skipped.${format}`);
    const run = await runCli(cli, ['import', ...args(input), '--skip-invalid'], db.env);
    expect(run).toEqual({
      code: 1,
      stdout: `Interactions (${input}): 50,002 read, 50,001 written, 1 skipped, 0 already present\n`,
      stderr: [`${input}, ${at}: ${REASON}`, '1 problem in 1 row: those rows were skipped, the others written.', ''].join('\n'),
    });
    expect(
      await db.inspect(async (store) => [
        await store.countInteractions({}),
        await store.countInteractions({ actorId: 'px-d' }),
        await store.countInteractions({ actorId: 'px-x' }),
      ]),
    ).toEqual([GOOD_ROWS, GOOD_ROWS, GOOD_ROWS]);
  }, 120_000);
});
