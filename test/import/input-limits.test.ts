import { formatProblem, type ImportProblem } from '../../src/import/import-problem';
import { importRows } from '../../src/import/import-rows';
import { openImportSources } from '../../src/import/open-import-sources';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { useTempDir } from './temp-files';

const temp = useTempDir();

async function importCsv(
  actorsCsv: string | Buffer,
  interactionsCsv: string | Buffer,
): Promise<{ problems: string[]; actors: number; error?: string }> {
  const store = openSqliteStore(temp.path(`limits-${Math.random()}.db`));
  const problems: ImportProblem[] = [];
  try {
    const actors = temp.file('actors.csv', actorsCsv);
    const interactions = temp.file('interactions.csv', interactionsCsv);
    try {
      await importRows(store, await openImportSources({ format: 'csv', actors, interactions }), { onProblem: (p) => problems.push(p) });
    } catch (error) {
      return { problems: [], actors: await store.countActors({}), error: (error as Error).message.replace(temp.path('') + '/', '') };
    }
    return {
      problems: problems.map((p) => formatProblem({ ...p, file: p.file.replace(temp.path('') + '/', '') })),
      actors: await store.countActors({}),
    };
  } finally {
    await store.close();
  }
}

const INTERACTIONS_HEADER = 'external_id,kind,occurred_at,initiator_id,participant_ids,weight,note\n';

describe('import applies the domain text, weight and date rules per row', () => {
  it('reports control characters, lengths, weights and years on their lines, and writes nothing', async () => {
    const actors = `id,name,kind,region,tags\na,A,INTERMEDIARY,,\nb,B,INTERMEDIARY,,\n"nul\u0000id",Nul,SCHOOL,,\nlong,${'n'.repeat(501)},SCHOOL,,\n`;
    const interactions =
      INTERACTIONS_HEADER +
      `i1,PEER_EXCHANGE,2020-01-01,a,b,1e308,\ni2,PEER_EXCHANGE,0099-01-01,a,b,,\ni3,PEER_EXCHANGE,2020-01-01,a,b,,"bell\u0007"\n`;
    const result = await importCsv(actors, interactions);
    expect(result.actors).toBe(0);
    expect(result.problems).toEqual([
      'actors.csv, line 4, column id: "nul\\u0000id" contains the control character U+0000 at position 3; ids, names, tags and regions are one line of printable text',
      `actors.csv, line 5, column name: "${'n'.repeat(116)}... is 501 characters long; at most 500 are allowed`,
      'interactions.csv, line 2, column weight: "1e308" is over the largest weight, 1,000,000',
      'interactions.csv, line 3, column occurred_at: "0099-01-01" is outside the years copnet accepts, 1900 to 9999 (UTC)',
      'interactions.csv, line 4, column note: "bell\\u0007" contains the control character U+0007 at position 4',
    ]);
  });

  it('refuses a CSV file that is not valid UTF-8, naming its line', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('id,name,kind\na,A,SCHOOL\nb,'),
      Buffer.from([0x52, 0xe9, 0x73, 0x65, 0x61, 0x75]),
      Buffer.from(',SCHOOL\n'),
    ]);
    const result = await importCsv(latin1, INTERACTIONS_HEADER);
    expect(result.error).toBe('actors.csv, line 3: is not valid UTF-8; save it as UTF-8 and import again');
    expect(result.actors).toBe(0);
  });
});
