import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoNetwork } from '../../src/demo/generate-demo-network';
import { formatProblem, type ImportProblem } from '../../src/import/import-problem';
import { importRows, type ImportResult, type TableCounts } from '../../src/import/import-rows';
import { openImportSources } from '../../src/import/open-import-sources';
import { importDocumentJson, writeActorsCsv, writeInteractionsCsv } from '../../src/import/write-import-files';
import { openTestStore } from '../store/test-store';
import { useTempDir } from './temp-files';

const temp = useTempDir();
const examples = join(__dirname, '..', '..', 'examples');

/** What importRows returns when it found no problem and wrote: each table's counts, 0 where not given. */
function wroteCleanly(actors: Partial<TableCounts>, interactions: Partial<TableCounts>): ImportResult {
  const counts = (given: Partial<TableCounts>): TableCounts => ({
    read: 0,
    written: 0,
    skipped: 0,
    alreadyPresent: 0,
    alreadyPresentDifferent: 0,
    ...given,
  });
  return { actors: counts(actors), interactions: counts(interactions), problemCount: 0, wrote: true };
}

describe('the sample files in examples/', () => {
  it('import cleanly, as CSV and as JSON', async () => {
    const store = await openTestStore(temp.path('examples.db'));
    try {
      const csv = await importRows(
        store,
        await openImportSources({ format: 'csv', actors: join(examples, 'actors.csv'), interactions: join(examples, 'interactions.csv') }),
      );
      expect(csv).toEqual(wroteCleanly({ read: 8, written: 8 }, { read: 8, written: 8 }));
      const [multiLine] = await store.listInteractions({ kinds: ['PEER_EXCHANGE'] }, { first: 1, after: null }).then((page) => page.items);
      expect(multiLine?.note).toBe('Peer exchange on early-warning indicators.\nFollow-up call booked for April.');
      const json = await importRows(store, await openImportSources({ format: 'json', document: join(examples, 'import.json') }));
      expect(json).toEqual(wroteCleanly({ read: 3, alreadyPresent: 3 }, { read: 2, written: 2 }));
    } finally {
      await store.close();
    }
  });

  it('count rows whose externalId is stored with other data as "already present, different", keeping the stored data', async () => {
    const store = await openTestStore(temp.path('examples-different.db'));
    try {
      const sources = () =>
        openImportSources({ format: 'csv', actors: join(examples, 'actors.csv'), interactions: join(examples, 'interactions.csv') });
      await importRows(store, await sources());
      const lines = readFileSync(join(examples, 'interactions.csv'), 'utf8').split('\n');
      lines[1] = lines[1]!.replace('"NSI grant, cohort 2018"', '"NSI grant, cohort 2019"');
      const changed = temp.path('interactions-changed.csv');
      writeFileSync(changed, lines.join('\n'));
      const again = await importRows(store, await openImportSources({ format: 'csv', interactions: changed }));
      expect(again.interactions).toEqual({ read: 8, written: 0, skipped: 0, alreadyPresent: 7, alreadyPresentDifferent: 1 });
      const [grant] = (await store.listInteractions({ kinds: ['GRANT'] }, { first: 1, after: null })).items;
      expect(grant?.note).toBe('NSI grant, cohort 2018');
    } finally {
      await store.close();
    }
  });

  it('show one problem of each kind in interactions-with-problems.csv', async () => {
    const store = await openTestStore(temp.path('examples-problems.db'));
    const problems: ImportProblem[] = [];
    try {
      const file = join(examples, 'interactions-with-problems.csv');
      const result = await importRows(
        store,
        await openImportSources({ format: 'csv', actors: join(examples, 'actors.csv'), interactions: file }),
        { onProblem: (problem) => problems.push(problem) },
      );
      expect(result.wrote).toBe(false);
      expect(problems.map((problem) => formatProblem({ ...problem, file: 'interactions-with-problems.csv' }))).toEqual([
        'interactions-with-problems.csv, line 2, column kind: "MEETING" is not one of CONVENING, SITE_VISIT, VIRTUAL_SESSION, TECHNICAL_ASSISTANCE, PEER_EXCHANGE, GRANT, OTHER',
        'interactions-with-problems.csv, line 3, column occurred_at: "15/01/2019" is not an ISO 8601 date-time (e.g. 2019-02-12T09:00:00Z)',
        `interactions-with-problems.csv, line 4, column initiator_id: "nsi-nowhere" is not a known actor (not in the store or in ${join(examples, 'actors.csv')})`,
        'interactions-with-problems.csv, line 5, column participant_ids: is empty; name at least one participant (ids separated by ;)',
        'interactions-with-problems.csv, line 6, column participant_ids: "nsi-baltimore-city" is the initiator; participants are the other actors',
        'interactions-with-problems.csv, line 7, column external_id: "bad-0005" appears more than once in the file (first on line 6)',
      ]);
      expect(await store.countActors({})).toBe(0);
    } finally {
      await store.close();
    }
  });
  it('log each batch once in the audit trail: the interactions file, the ids, found by any of them', async () => {
    const store = await openTestStore(temp.path('audit.db'));
    try {
      const file = join(examples, 'interactions.csv');
      await importRows(store, await openImportSources({ format: 'csv', actors: join(examples, 'actors.csv'), interactions: file }), {
        batchSize: 5,
      });
      const ids = (await store.listInteractions({}, { first: 100, after: null })).items.map((i) => i.id);
      const batches = (await store.listAuditLog({}, { first: 100, after: null })).items.filter((e) => e.subject === 'INTERACTION_BATCH');
      expect(batches.map((e) => [e.action, e.by, e.subjectId])).toEqual([
        ['CREATE', 'system', file],
        ['CREATE', 'system', file],
      ]);
      expect(batches.map((e) => e.after)).toEqual([
        { source: file, count: 5, interactionIds: expect.any(Array) },
        { source: file, count: 3, interactionIds: expect.any(Array) },
      ]);
      const listed = batches.flatMap((e) => (e.after as { interactionIds: string[] }).interactionIds);
      expect([...listed].sort()).toEqual([...ids].sort());
      const last = listed[listed.length - 1]!;
      expect((await store.listAuditLog({ interactionId: last }, { first: 10, after: null })).items.map((e) => e.seq)).toEqual([
        batches[1]!.seq,
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('the demo network as import files', () => {
  it('round-trips through CSV into a store: every actor and interaction, and nothing new the second time', async () => {
    const demo = generateDemoNetwork();
    const actors = temp.path('demo-actors.csv');
    const interactions = temp.path('demo-interactions.csv');
    await writeActorsCsv(actors, demo.actors);
    await writeInteractionsCsv(interactions, demo.interactions);
    const store = await openTestStore(temp.path('demo.db'));
    try {
      const sources = await openImportSources({ format: 'csv', actors, interactions });
      expect(await importRows(store, sources)).toEqual(wroteCleanly({ read: 743, written: 743 }, { read: 49205, written: 49205 }));
      const seattle = (await store.listInteractions({ kinds: ['CONVENING'] }, { first: 1, after: null })).items[0]!;
      const original = demo.interactions.find((i) => i.externalId === seattle.externalId)!;
      expect({ ...seattle, id: undefined, occurredAt: seattle.occurredAt.toISOString() }).toEqual({ ...original, id: undefined });
      expect(await importRows(store, sources)).toEqual(
        wroteCleanly({ read: 743, alreadyPresent: 743 }, { read: 49205, alreadyPresent: 49205 }),
      );
    } finally {
      await store.close();
    }
    // Two imports of 49,205 rows: seconds alone, far more when CI shares the cores.
  }, 180_000);

  it('writes the JSON document the importer reads', () => {
    const text = importDocumentJson([{ id: 'a', name: 'A', kind: 'SCHOOL' }], []);
    expect(JSON.parse(text)).toEqual({ actors: [{ id: 'a', name: 'A', kind: 'SCHOOL' }], interactions: [] });
    expect(readFileSync(join(examples, 'import.json'), 'utf8').startsWith('{')).toBe(true);
  });
});
