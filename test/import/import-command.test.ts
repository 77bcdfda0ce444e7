import { Command } from 'commander';
import { registerImportCommand, runImportCommand, type ImportCommandOptions } from '../../src/cli/import-command';
import type { Store } from '../../src/store/store';
import { openTestStore, TEST_STORE } from '../store/test-store';
import { useTempDir } from './temp-files';

const temp = useTempDir();
let dbCount = 0;

const ACTORS = [
  'id,name,kind,region,tags,affiliation_id',
  'bmgf,Bill & Melinda Gates Foundation,FOUNDATION,WA,funder,',
  'nsi-a,"Network A, Inc.",INTERMEDIARY,MD,district;cohort-2018,',
  'school-1,School One,SCHOOL,MD,high-school,nsi-a',
  'school-2,School Two,SCHOOL,MD,,nsi-a',
  '',
].join('\r\n');

const INTERACTIONS = [
  'external_id,kind,occurred_at,initiator_id,participant_ids,weight,note',
  'e1,CONVENING,2018-10-16T16:00:00Z,bmgf,nsi-a,2,"Seattle, WA"',
  'e2,SITE_VISIT,2019-02-12,nsi-a,school-1;school-2,,"Two lines',
  'of notes"',
  'e3,PEER_EXCHANGE,2019-03-01T10:00:00-05:00,school-1,school-2,1,',
  '',
].join('\r\n');

/** The actors and interactions CSV files, written as `${prefix}actors.csv` and `${prefix}interactions.csv`. */
function csvFiles(prefix: string, actors: string, interactions: string): { actors: string; interactions: string } {
  return { actors: temp.file(`${prefix}actors.csv`, actors), interactions: temp.file(`${prefix}interactions.csv`, interactions) };
}

/** The command's summary: a line per table with what it did with its rows. */
function summary(actors: string, actorCounts: string, interactions: string, interactionCounts: string): string[] {
  return [`Actors (${actors}): ${actorCounts}`, `Interactions (${interactions}): ${interactionCounts}`];
}

interface Run {
  code: number;
  out: string[];
  err: string[];
}

/** A fresh store (a SQLite file, or the emptied Neo4j test database); `run` imports into it through the command, as a user would. */
function freshDb(): { path: string; run(options: Partial<ImportCommandOptions>, document?: string): Promise<Run>; open(): Promise<Store> } {
  const path = temp.path(`copnet-${++dbCount}.db`);
  return {
    path,
    async run(options, document) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runImportCommand(
        document ?? null,
        { format: 'csv', ...options },
        {
          openStore: () => openTestStore(path),
          out: (line) => out.push(line),
          err: (line) => err.push(line),
        },
      );
      return { code, out, err };
    },
    open: () => openTestStore(path),
  };
}

async function inspect(db: { open(): Promise<Store> }, work: (store: Store) => Promise<unknown>): Promise<unknown> {
  const store = await db.open();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

describe('copnet import (CSV)', () => {
  it('imports actors and interactions, and a second import of the same files writes nothing new', async () => {
    const { actors, interactions } = csvFiles('', ACTORS, INTERACTIONS);
    const db = freshDb();

    expect(await db.run({ actors, interactions })).toEqual({
      code: 0,
      out: summary(
        actors,
        '4 read, 4 written, 0 skipped, 0 already present',
        interactions,
        '3 read, 3 written, 0 skipped, 0 already present',
      ),
      err: [],
    });
    const revision = await inspect(db, (store) => store.revision());
    expect(
      await inspect(db, async (store) => {
        const page = await store.listInteractions({}, { first: 10, after: null });
        return page.items.map(({ externalId, kind, occurredAt, initiatorId, participantIds, weight, note }) => ({
          externalId,
          kind,
          occurredAt: occurredAt.toISOString(),
          initiatorId,
          participantIds,
          weight,
          note,
        }));
      }),
    ).toEqual([
      {
        externalId: 'e1',
        kind: 'CONVENING',
        occurredAt: '2018-10-16T16:00:00.000Z',
        initiatorId: 'bmgf',
        participantIds: ['nsi-a'],
        weight: 2,
        note: 'Seattle, WA',
      },
      {
        externalId: 'e2',
        kind: 'SITE_VISIT',
        occurredAt: '2019-02-12T00:00:00.000Z',
        initiatorId: 'nsi-a',
        participantIds: ['school-1', 'school-2'],
        weight: 1,
        note: 'Two lines\r\nof notes',
      },
      {
        externalId: 'e3',
        kind: 'PEER_EXCHANGE',
        occurredAt: '2019-03-01T15:00:00.000Z',
        initiatorId: 'school-1',
        participantIds: ['school-2'],
        weight: 1,
        note: null,
      },
    ]);
    expect(await inspect(db, (store) => store.getActorsByIds(['nsi-a', 'school-2']))).toEqual([
      { id: 'nsi-a', name: 'Network A, Inc.', kind: 'INTERMEDIARY', region: 'MD', tags: ['district', 'cohort-2018'], affiliationId: null },
      { id: 'school-2', name: 'School Two', kind: 'SCHOOL', region: 'MD', tags: [], affiliationId: 'nsi-a' },
    ]);

    expect(await db.run({ actors, interactions })).toEqual({
      code: 0,
      out: summary(
        actors,
        '4 read, 0 written, 0 skipped, 4 already present',
        interactions,
        '3 read, 0 written, 0 skipped, 3 already present',
      ),
      err: [],
    });
    expect(await inspect(db, (store) => store.revision())).toBe(revision);
    expect(await inspect(db, (store) => store.countInteractions({}))).toBe(3);
  });

  it('upserts changed actors only, and takes interactions naming actors already in the store', async () => {
    const db = freshDb();
    await db.run({ actors: temp.file('actors-first.csv', ACTORS) });
    const renamed = temp.file(
      'actors-renamed.csv',
      ACTORS.replace('School Two,SCHOOL,MD,,', 'School Two Academy,SCHOOL,MD,middle-school,'),
    );
    const interactions = temp.file('interactions-only.csv', INTERACTIONS);
    expect((await db.run({ actors: renamed })).out).toEqual([`Actors (${renamed}): 4 read, 1 written, 0 skipped, 3 already present`]);
    expect((await db.run({ interactions })).out).toEqual([
      `Interactions (${interactions}): 3 read, 3 written, 0 skipped, 0 already present`,
    ]);
    expect(await inspect(db, async (store) => (await store.getActorsByIds(['school-2']))[0]?.tags)).toEqual(['middle-school']);
  });

  const BAD_ACTORS = [
    'id,name,kind,region,tags,affiliation_id',
    'bmgf,Bill & Melinda Gates Foundation,FOUNDATION,WA,,',
    'nsi-a,Network A,INTERMEDIARY,MD,,',
    'nsi-bad,Network Bad,FUNDER,MD,,',
    'school-1,School One,SCHOOL,MD,,nsi-a',
    'school-1,School One again,SCHOOL,MD,,nsi-a',
    'school-9,School Nine,SCHOOL,MD,,nsi-bad',
    'school-8,School Eight,SCHOOL,MD,,nsi-nowhere',
    '',
  ].join('\n');

  const BAD_INTERACTIONS = [
    'external_id,kind,occurred_at,initiator_id,participant_ids,weight,note',
    'ok-1,SITE_VISIT,2019-02-12,nsi-a,school-1,,fine',
    'bad-kind,MEETING,2019-02-12,nsi-a,school-1,,',
    'bad-date,SITE_VISIT,2019-02-30,nsi-a,school-1,,',
    'bad-actor,SITE_VISIT,2019-02-12,nsi-ghost,school-1;nsi-bad,,',
    'no-participants,SITE_VISIT,2019-02-12,nsi-a,,,',
    'self,SITE_VISIT,2019-02-12,nsi-a,school-1;nsi-a,,',
    'ok-1,PEER_EXCHANGE,2019-02-13,school-1,nsi-a,,"a note, with a comma',
    'and a line break"',
    ',SITE_VISIT,2019-02-12,nsi-a,school-1,0,',
    'short,SITE_VISIT,2019-02-12',
    'ok-2,VIRTUAL_SESSION,2019-03-01T17:00:00Z,bmgf,nsi-a;school-1,1.5,',
    '',
  ].join('\n');

  const expectedProblems = (actors: string, interactions: string) => [
    `${actors}, line 4, column kind: "FUNDER" is not one of FOUNDATION, INTERMEDIARY, SCHOOL, SUPPORT_PARTNER`,
    `${actors}, line 6, column id: "school-1" appears more than once in the file (first on line 5)`,
    `${actors}, line 7, column affiliation_id: "nsi-bad" is not a known actor: its row in ${actors} (line 4) is invalid`,
    `${actors}, line 8, column affiliation_id: "nsi-nowhere" is not a known actor (not in the store or in ${actors})`,
    `${interactions}, line 3, column kind: "MEETING" is not one of CONVENING, SITE_VISIT, VIRTUAL_SESSION, TECHNICAL_ASSISTANCE, PEER_EXCHANGE, GRANT, OTHER`,
    `${interactions}, line 4, column occurred_at: "2019-02-30" is not a real calendar date-time`,
    `${interactions}, line 5, column initiator_id: "nsi-ghost" is not a known actor (not in the store or in ${actors})`,
    `${interactions}, line 5, column participant_ids: "nsi-bad" is not a known actor: its row in ${actors} (line 4) is invalid`,
    `${interactions}, line 6, column participant_ids: is empty; name at least one participant (ids separated by ;)`,
    `${interactions}, line 7, column participant_ids: "nsi-a" is the initiator; participants are the other actors`,
    `${interactions}, line 10, column external_id: is empty; a value is required`,
    `${interactions}, line 10, column weight: "0" must be a positive finite number`,
    `${interactions}, line 11: has 3 fields; the header has 7`,
    `${interactions}, line 8, column external_id: "ok-1" appears more than once in the file (first on line 2)`,
  ];

  it('reports every bad row with file, line, column and reason, and writes nothing', async () => {
    const { actors, interactions } = csvFiles('bad-', BAD_ACTORS, BAD_INTERACTIONS);
    const db = freshDb();
    expect(await db.run({ actors, interactions })).toEqual({
      code: 1,
      out: summary(
        actors,
        '7 read, 0 written, 4 skipped, 0 already present',
        interactions,
        '10 read, 0 written, 8 skipped, 0 already present',
      ),
      err: [
        ...expectedProblems(actors, interactions),
        'Nothing written: 14 problems in 12 rows. Fix them and import again, or add --skip-invalid to write the valid rows.',
      ],
    });
    expect(
      await inspect(db, async (store) => [await store.countActors({}), await store.countInteractions({}), await store.revision()]),
    ).toEqual([0, 0, 0]);
  });

  it('with --skip-invalid, writes the good rows and still reports the bad ones', async () => {
    const { actors, interactions } = csvFiles('bad-2-', BAD_ACTORS, BAD_INTERACTIONS);
    const db = freshDb();
    const first = await db.run({ actors, interactions, skipInvalid: true });
    expect(first).toEqual({
      code: 1,
      out: summary(
        actors,
        '7 read, 3 written, 4 skipped, 0 already present',
        interactions,
        '10 read, 2 written, 8 skipped, 0 already present',
      ),
      err: [...expectedProblems(actors, interactions), '14 problems in 12 rows: those rows were skipped, the others written.'],
    });
    expect(await inspect(db, async (store) => (await store.listActors({}, { first: 10, after: null })).items.map((a) => a.id))).toEqual([
      'bmgf',
      'nsi-a',
      'school-1',
    ]);
    expect(
      await inspect(db, async (store) => (await store.listInteractions({}, { first: 10, after: null })).items.map((i) => i.externalId)),
    ).toEqual(['ok-1', 'ok-2']);
    expect((await db.run({ actors, interactions, skipInvalid: true })).out).toEqual(
      summary(actors, '7 read, 0 written, 4 skipped, 3 already present', interactions, '10 read, 0 written, 8 skipped, 2 already present'),
    );
  });

  it('refuses files without the required columns, a missing file and a missing option, in one line each', async () => {
    const db = freshDb();
    const noColumns = temp.file('no-columns.csv', 'id,name\na,A\n');
    expect(await db.run({ actors: noColumns })).toEqual({
      code: 1,
      out: [],
      err: [`${noColumns}: missing required column kind (the header has id, name)`, 'Nothing written.'],
    });
    const missing = temp.path('missing.csv');
    expect(await db.run({ interactions: missing })).toEqual({ code: 1, out: [], err: [`${missing}: does not exist`, 'Nothing written.'] });
    expect(await db.run({})).toEqual({
      code: 1,
      out: [],
      err: ['copnet import: nothing to import; give --actors <file> and/or --interactions <file> (CSV), or --format json <document>'],
    });
  });
});

describe('copnet import: headers, merged actors and look-alike names (issue 19)', () => {
  it('refuses a header that names a column twice, naming it, and writes nothing', async () => {
    const actors = temp.file('twice.csv', 'id,name,kind,Name\nx,X,SCHOOL,Other\n');
    const db = freshDb();
    expect(await db.run({ actors })).toEqual({
      code: 1,
      out: [],
      err: [
        `${actors}, line 1: the header names the column "Name" twice (columns 2 and 4); each column may appear once`,
        'Nothing written.',
      ],
    });
    expect(await inspect(db, (store) => store.countActors({}))).toBe(0);
  });

  it('names the columns it ignores in a warning, and imports the rest', async () => {
    const actors = temp.file('extra.csv', 'id,name,kind,Website,notes\nx,X,SCHOOL,x.org,n\n');
    const db = freshDb();
    expect(await db.run({ actors })).toEqual({
      code: 0,
      out: [`Actors (${actors}): 1 read, 1 written, 0 skipped, 0 already present`],
      err: [
        `warning: ${actors}, line 1: the columns "Website", "notes" are not copnet's and ignored (its columns: id, name, kind, region, tags, affiliation_id)`,
      ],
    });
  });

  it('re-importing the file of a merged duplicate writes nothing: its row never overwrites the merge target', async () => {
    const actors = temp.file('merged.csv', 'id,name,kind,region\nh-keep,Keep,INTERMEDIARY,MD\nh-dupl,Duplicate,SCHOOL,CA\n');
    const db = freshDb();
    expect((await db.run({ actors })).code).toBe(0);
    await inspect(db, (store) => store.mergeActors('h-dupl', 'h-keep', { allowKindChange: true }, { by: 'test', at: new Date() }));
    const revision = await inspect(db, (store) => store.revision());
    for (let round = 0; round < 2; round++) {
      expect(await db.run({ actors })).toEqual({
        code: 0,
        out: [`Actors (${actors}): 2 read, 0 written, 0 skipped, 2 already present`],
        err: [`warning: ${actors}, line 3, column id: "h-dupl" was merged into "h-keep"; the row is not written (change "h-keep" instead)`],
      });
    }
    expect(await inspect(db, (store) => store.getActorsByIds(['h-keep']))).toEqual([
      { id: 'h-keep', name: 'Keep', kind: 'INTERMEDIARY', region: 'MD', tags: [], affiliationId: null },
    ]);
    expect(await inspect(db, (store) => store.revision())).toBe(revision);
  });

  it('warns when a new actor is named as another, in the store or earlier in the file, and writes it', async () => {
    const first = temp.file('first.csv', 'id,name,kind\nbmgf,Bill & Melinda Gates Foundation,FOUNDATION\n');
    const second = temp.file(
      'second.csv',
      'id,name,kind\nbmgf-2,bill & melinda gates foundation,FOUNDATION\nnew-a,Same,SCHOOL\nnew-b,Same,SCHOOL\n',
    );
    const db = freshDb();
    expect((await db.run({ actors: first })).code).toBe(0);
    expect(await db.run({ actors: second })).toEqual({
      code: 0,
      out: [`Actors (${second}): 3 read, 3 written, 0 skipped, 0 already present`],
      err: [
        `warning: ${second}, line 2, column name: the new actor "bmgf-2" is named "bill & melinda gates foundation", as "bmgf" is; if they are one organisation, merge them (mergeActors)`,
        `warning: ${second}, line 4, column name: the new actor "new-b" is named "Same", as "new-a" is; if they are one organisation, merge them (mergeActors)`,
      ],
    });
  });
});

describe('copnet import when the store fails', () => {
  it('prints one line naming the failure and how to finish the import, exit code 1', async () => {
    const err: string[] = [];
    const path = temp.path('closed.db');
    const code = await runImportCommand(
      null,
      { format: 'csv', actors: temp.file('actors-closed.csv', ACTORS) },
      {
        openStore: async () => {
          const store = await openTestStore(path);
          await store.close();
          return store;
        },
        out: () => undefined,
        err: (line) => err.push(line),
      },
    );
    expect(code).toBe(1);
    expect(err).toEqual([
      TEST_STORE === 'sqlite'
        ? 'copnet import: Embedded database error: The database connection is not open'
        : `copnet import: The store for Neo4j at NEO4J_URI=${process.env.NEO4J_URI} is closed`,
      'Batches written before the failure stay; once it is fixed, run the same import again: nothing is written twice.',
    ]);
  });
});

describe('copnet import --format json', () => {
  it('imports one document with actors and interactions, reporting problems by path and field', async () => {
    const document = temp.file(
      'data.json',
      JSON.stringify({
        actors: [
          { id: 'bmgf', name: 'Foundation', kind: 'FOUNDATION', region: 'WA', tags: ['funder'] },
          { id: 'nsi-a', name: 'Network A', kind: 'INTERMEDIARY' },
        ],
        interactions: [
          {
            externalId: 'j1',
            kind: 'GRANT',
            occurredAt: '2018-10-01T17:00:00Z',
            initiatorId: 'bmgf',
            participantIds: ['nsi-a'],
            weight: 1,
          },
          { externalId: 'j2', kind: 'GRANT', occurredAt: '2018-10-02', initiatorId: 'bmgf', participantIds: [] },
          'not an object',
        ],
      }),
    );
    const db = freshDb();
    expect(await db.run({ format: 'json' }, document)).toEqual({
      code: 1,
      out: summary(
        document,
        '2 read, 0 written, 0 skipped, 0 already present',
        document,
        '3 read, 0 written, 2 skipped, 0 already present',
      ),
      err: [
        `${document}, interactions[1], field participantIds: is empty; name at least one participant (ids separated by ;)`,
        `${document}, interactions[2]: is not an object`,
        'Nothing written: 2 problems in 2 rows. Fix them and import again, or add --skip-invalid to write the valid rows.',
      ],
    });
    expect((await db.run({ format: 'json', skipInvalid: true }, document)).out).toEqual(
      summary(document, '2 read, 2 written, 0 skipped, 0 already present', document, '3 read, 1 written, 2 skipped, 0 already present'),
    );
  });

  it('points at other rows by path: repeated ids and affiliations with an invalid or unknown actor', async () => {
    const document = temp.file(
      'paths.json',
      JSON.stringify({
        actors: [
          { id: 'nsi-a', name: 'Network A', kind: 'INTERMEDIARY' },
          { id: 'nsi-bad', name: 'Network Bad', kind: 'FUNDER' },
          { id: 'nsi-a', name: 'Network A again', kind: 'INTERMEDIARY' },
          { id: 'school-9', name: 'School Nine', kind: 'SCHOOL', affiliationId: 'nsi-bad' },
          { id: 'school-8', name: 'School Eight', kind: 'SCHOOL', affiliationId: 'school-9' },
        ],
        interactions: [
          { externalId: 'j1', kind: 'GRANT', occurredAt: '2018-10-01', initiatorId: 'nsi-a', participantIds: ['school-8'] },
          { externalId: 'j1', kind: 'GRANT', occurredAt: '2018-10-02', initiatorId: 'nsi-a', participantIds: ['nsi-bad'] },
        ],
      }),
    );
    expect((await freshDb().run({ format: 'json' }, document)).err).toEqual([
      `${document}, actors[1], field kind: "FUNDER" is not one of FOUNDATION, INTERMEDIARY, SCHOOL, SUPPORT_PARTNER`,
      `${document}, actors[2], field id: "nsi-a" appears more than once in the file (first on actors[0])`,
      `${document}, actors[3], field affiliationId: "nsi-bad" is not a known actor: its row in ${document} (actors[1]) is invalid`,
      `${document}, actors[4], field affiliationId: "school-9" is not a known actor: its row in ${document} (actors[3]) is invalid`,
      `${document}, interactions[0], field participantIds: "school-8" is not a known actor: its row in ${document} (actors[4]) is invalid`,
      `${document}, interactions[1], field participantIds: "nsi-bad" is not a known actor: its row in ${document} (actors[1]) is invalid`,
      `${document}, interactions[1], field externalId: "j1" appears more than once in the file (first on interactions[0])`,
      'Nothing written: 7 problems in 6 rows. Fix them and import again, or add --skip-invalid to write the valid rows.',
    ]);
  });

  it('refuses a file that is not JSON', async () => {
    const notJson = temp.file('actors.csv.json', 'id,name,kind\n');
    const result = await freshDb().run({ format: 'json' }, notJson);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(new RegExp(`^${notJson.replace(/[.\\]/g, '\\$&')}: is not valid JSON: `));
  });
});

describe('registerImportCommand', () => {
  it('adds `import` to a commander program, parsing the documented options', async () => {
    const { actors, interactions } = csvFiles('cli-', ACTORS, INTERACTIONS);
    const db = freshDb();
    const out: string[] = [];
    const program = new Command('copnet').exitOverride();
    registerImportCommand(program, {
      openStore: () => openTestStore(db.path),
      out: (line) => out.push(line),
      err: (line) => out.push(line),
    });
    const before = process.exitCode;
    try {
      await program.parseAsync(['import', '--actors', actors, '--interactions', interactions, '--format', 'csv'], { from: 'user' });
      expect(process.exitCode).toBe(0);
    } finally {
      process.exitCode = before;
    }
    expect(out).toEqual(
      summary(actors, '4 read, 4 written, 0 skipped, 0 already present', interactions, '3 read, 3 written, 0 skipped, 0 already present'),
    );
    expect(() =>
      new Command('copnet')
        .exitOverride()
        .configureOutput({ writeErr: () => undefined })
        .parse(['import', '--format', 'xml'], { from: 'user' }),
    ).toThrow();
    const strict = new Command('copnet').exitOverride().configureOutput({ writeErr: () => undefined });
    registerImportCommand(strict);
    expect(() => strict.parse(['import', '--format', 'xml'], { from: 'user' })).toThrow(
      "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are csv, json.",
    );
  });
});
