import { runImportCommand, type ImportCommandOptions } from '../../src/cli/import-command';
import { importRows } from '../../src/import/import-rows';
import { openImportSources } from '../../src/import/open-import-sources';
import type { Store } from '../../src/store/store';
import { openTestStore } from '../store/test-store';
import { mergedStoreFile, type Inspect } from './merged-store';
import { useTempDir } from './temp-files';

/**
 * Rows naming the id of a merged actor (an alias: mergeActors made it name its target) are
 * checked as the store will record them, aliases resolved: a row left with no participant but its
 * initiator is a row problem like any other, found before anything is written (the store would
 * refuse its batch after earlier ones were written). A participant that merely repeats another or
 * the initiator once resolved is dropped, as recordInteractions does.
 */
const temp = useTempDir();
let dbCount = 0;

const ACTOR_IDS = ['px-a', 'px-b', 'px-d', 'px-x', 'px-y'];

/** A store holding px-a, px-b, px-d, px-x and px-y, with px-a and px-b merged into px-d. */
async function mergedDb(): Promise<{ path: string; inspect: Inspect }> {
  const path = temp.path(`merged-${++dbCount}.db`);
  return { path, inspect: await mergedStoreFile(path, ACTOR_IDS, ['px-a', 'px-b'], 'px-d', openTestStore) };
}

async function run(path: string, options: Partial<ImportCommandOptions>, document: string | null = null) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImportCommand(
    document,
    { format: 'csv', ...options },
    { openStore: () => openTestStore(path), out: (line) => out.push(line), err: (line) => err.push(line) },
  );
  return { code, out, err };
}

/** Each row: externalId, initiator, participants. */
const ROWS: [string, string, string[]][] = [
  ['ok-alias', 'px-x', ['px-a']], // lands on px-d
  ['init-is-alias', 'px-a', ['px-d']], // refused: px-d alone
  ['part-is-alias', 'px-d', ['px-x', 'px-a']], // px-a dropped: px-x is left
  ['twice-alias-target', 'px-x', ['px-a', 'px-d']], // one px-d
  ['only-alias-of-initiator', 'px-d', ['px-a']], // refused
  ['two-aliases', 'px-a', ['px-b']], // refused: both are px-d
  ['ok-plain', 'px-x', ['px-y']],
];

const CSV = [
  'external_id,kind,occurred_at,initiator_id,participant_ids,weight,note',
  ...ROWS.map(([externalId, initiator, participants]) => `${externalId},SITE_VISIT,2024-03-01,${initiator},${participants.join(';')},1,`),
  '',
].join('\n');

const JSON_DOCUMENT = JSON.stringify({
  interactions: ROWS.map(([externalId, initiatorId, participantIds]) => ({
    externalId,
    kind: 'SITE_VISIT',
    occurredAt: '2024-03-01',
    initiatorId,
    participantIds,
    weight: 1,
  })),
});

/** The three problems of ROWS, each introduced by where it is (`file, line 3, column participant_ids`…). */
function problems(at: (index: number) => string): string[] {
  return [
    `${at(1)}: names only the initiator "px-d" once merged actors are resolved ("px-a" was merged into "px-d")`,
    `${at(4)}: names only the initiator "px-d" once merged actors are resolved ("px-a" was merged into "px-d")`,
    `${at(5)}: names only the initiator "px-d" once merged actors are resolved ("px-a" and "px-b" were merged into "px-d")`,
  ];
}

const csvAt = (file: string) => (index: number) => `${file}, line ${index + 2}, column participant_ids`;
const jsonAt = (file: string) => (index: number) => `${file}, interactions[${index}], field participantIds`;

const stored = (store: Store) =>
  store
    .listInteractions({}, { first: 10, after: null })
    .then((page) => page.items.map(({ externalId, initiatorId, participantIds }) => ({ externalId, initiatorId, participantIds })));

const GOOD_STORED = [
  { externalId: 'ok-alias', initiatorId: 'px-x', participantIds: ['px-d'] },
  { externalId: 'part-is-alias', initiatorId: 'px-d', participantIds: ['px-x'] },
  { externalId: 'twice-alias-target', initiatorId: 'px-x', participantIds: ['px-d'] },
  { externalId: 'ok-plain', initiatorId: 'px-x', participantIds: ['px-y'] },
];

describe('copnet import: rows that collapse once merged actors are resolved', () => {
  it('CSV: reports each such row with file, line and column, and writes nothing', async () => {
    const db = await mergedDb();
    const interactions = temp.file('collapse.csv', CSV);
    const revision = await db.inspect((store) => store.revision());
    expect(await run(db.path, { interactions })).toEqual({
      code: 1,
      out: [`Interactions (${interactions}): 7 read, 0 written, 3 skipped, 0 already present`],
      err: [
        ...problems(csvAt(interactions)),
        'Nothing written: 3 problems in 3 rows. Fix them and import again, or add --skip-invalid to write the valid rows.',
      ],
    });
    expect(await db.inspect(async (store) => [await store.countInteractions({}), await store.revision()])).toEqual([0, revision]);
  });

  it('CSV with --skip-invalid: writes the other rows (an alias landing on its target) and reports the bad ones', async () => {
    const db = await mergedDb();
    const interactions = temp.file('collapse-skip.csv', CSV);
    expect(await run(db.path, { interactions, skipInvalid: true })).toEqual({
      code: 1,
      out: [`Interactions (${interactions}): 7 read, 4 written, 3 skipped, 0 already present`],
      err: [...problems(csvAt(interactions)), '3 problems in 3 rows: those rows were skipped, the others written.'],
    });
    expect(await db.inspect(stored)).toEqual(GOOD_STORED);
  });

  it('JSON: the same problems by path and field, and nothing written; with --skip-invalid the good rows', async () => {
    const db = await mergedDb();
    const document = temp.file('collapse.json', JSON_DOCUMENT);
    expect(await run(db.path, { format: 'json' }, document)).toEqual({
      code: 1,
      out: [`Interactions (${document}): 7 read, 0 written, 3 skipped, 0 already present`],
      err: [
        ...problems(jsonAt(document)),
        'Nothing written: 3 problems in 3 rows. Fix them and import again, or add --skip-invalid to write the valid rows.',
      ],
    });
    expect(await db.inspect((store) => store.countInteractions({}))).toBe(0);

    expect(await run(db.path, { format: 'json', skipInvalid: true }, document)).toEqual({
      code: 1,
      out: [`Interactions (${document}): 7 read, 4 written, 3 skipped, 0 already present`],
      err: [...problems(jsonAt(document)), '3 problems in 3 rows: those rows were skipped, the others written.'],
    });
    expect(await db.inspect(stored)).toEqual(GOOD_STORED);
  });

  it('follows aliases of ids in the actors file too (the merged duplicate’s file, re-imported)', async () => {
    const db = await mergedDb();
    const actors = temp.file('again-actors.csv', 'id,name,kind\npx-a,Network px-a,INTERMEDIARY\npx-d,Network px-d,INTERMEDIARY\n');
    const interactions = temp.file(
      'again-interactions.csv',
      'external_id,kind,occurred_at,initiator_id,participant_ids\nagain-1,SITE_VISIT,2024-03-01,px-a,px-d\n',
    );
    expect(await run(db.path, { actors, interactions })).toEqual({
      code: 1,
      out: [
        `Actors (${actors}): 2 read, 0 written, 0 skipped, 0 already present`,
        `Interactions (${interactions}): 1 read, 0 written, 1 skipped, 0 already present`,
      ],
      err: [
        `${interactions}, line 2, column participant_ids: names only the initiator "px-d" once merged actors are resolved ("px-a" was merged into "px-d")`,
        'Nothing written: 1 problem in 1 row. Fix them and import again, or add --skip-invalid to write the valid rows.',
      ],
    });
    expect(await db.inspect((store) => store.countInteractions({}))).toBe(0);
  });

  it('finds a bad row after many batches’ worth of good ones before writing any batch', async () => {
    const db = await mergedDb();
    const good = Array.from({ length: 25 }, (_, i) => `good-${i},SITE_VISIT,2024-03-01,px-x,${i % 2 === 0 ? 'px-a' : 'px-y'},1,`);
    const interactions = temp.file(
      'late-bad.csv',
      [
        'external_id,kind,occurred_at,initiator_id,participant_ids,weight,note',
        ...good,
        'big-bad,SITE_VISIT,2024-03-01,px-a,px-d,1,',
        '',
      ].join('\n'),
    );
    const found: string[] = [];
    const store = await openTestStore(db.path);
    try {
      const result = await importRows(store, await openImportSources({ format: 'csv', interactions }), {
        batchSize: 2,
        onProblem: (problem) => found.push(`${problem.line} ${problem.column}: ${problem.reason}`),
      });
      expect(result).toEqual({
        actors: null,
        interactions: { read: 26, written: 0, skipped: 1, alreadyPresent: 0, alreadyPresentDifferent: 0 },
        problemCount: 1,
        wrote: false,
      });
      expect(found).toEqual([
        '27 participant_ids: names only the initiator "px-d" once merged actors are resolved ("px-a" was merged into "px-d")',
      ]);
      expect(await store.countInteractions({})).toBe(0);
    } finally {
      await store.close();
    }
  });
});
