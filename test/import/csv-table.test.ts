import { openCsvTable } from '../../src/import/csv-table';
import { INTERACTION_CSV_COLUMNS, REQUIRED_INTERACTION_FIELDS, type InteractionField } from '../../src/import/import-format';
import type { SourceRow } from '../../src/import/row-source';
import { useTempDir } from './temp-files';

const temp = useTempDir();
const HEADER = 'external_id,kind,occurred_at,initiator_id,participant_ids,weight,note';

async function rowsOf(path: string): Promise<SourceRow<InteractionField>[]> {
  const table = await openCsvTable(path, INTERACTION_CSV_COLUMNS, REQUIRED_INTERACTION_FIELDS);
  const rows: SourceRow<InteractionField>[] = [];
  await table.scan((row) => {
    rows.push(row);
  });
  return rows;
}

describe('openCsvTable', () => {
  it('reads quoted fields holding commas, quotes and line breaks, and numbers rows by the line they start on', async () => {
    const path = temp.file(
      'quoted.csv',
      [
        HEADER,
        'e1,SITE_VISIT,2019-02-12,a,b;c,1,"Visit, then debrief"',
        'e2,PEER_EXCHANGE,2019-02-13,a,b,,"Line one',
        'line two ""quoted""',
        'line three"',
        'e3,GRANT,2019-02-14,a,b,2,plain',
        '',
      ].join('\n'),
    );
    const rows = await rowsOf(path);
    expect(rows.map((row) => [row.ordinal, row.line, row.cells.externalId, row.cells.note])).toEqual([
      [0, 2, 'e1', 'Visit, then debrief'],
      [1, 3, 'e2', 'Line one\nline two "quoted"\nline three'],
      [2, 6, 'e3', 'plain'],
    ]);
    expect(rows[0]!.cells).toEqual({
      externalId: 'e1',
      kind: 'SITE_VISIT',
      occurredAt: '2019-02-12',
      initiatorId: 'a',
      participantIds: 'b;c',
      weight: '1',
      note: 'Visit, then debrief',
    });
  });

  it('numbers rows true across the arrays records are handed on in (thousands of rows, empty lines, multi-line fields)', async () => {
    const lines = [HEADER];
    for (let n = 0; n < 2_500; n++) {
      if (n % 700 === 0) lines.push('');
      lines.push(n % 900 === 0 ? `e${n},GRANT,2019-02-12,a,b,1,"two\nlines"` : `e${n},GRANT,2019-02-12,a,b,1,x`);
    }
    const rows = await rowsOf(temp.file('many.csv', `${lines.join('\n')}\n`));
    expect(rows).toHaveLength(2_500);
    const lineOf = (externalId: string) => rows.find((row) => row.cells.externalId === externalId)!.line;
    // e0: an empty line before it; e900 and e1800 take two lines each; empty lines before e700, e1400, e2100.
    expect([lineOf('e0'), lineOf('e1'), lineOf('e699'), lineOf('e700'), lineOf('e901'), lineOf('e2499')]).toEqual([
      3, 5, 703, 705, 907, 2_508,
    ]);
    expect(rows.map((row) => row.ordinal)).toEqual([...Array(2_500).keys()]);
  });

  it('strips a UTF-8 byte order mark and reads CRLF line ends, including inside quoted fields', async () => {
    const content = `\uFEFF${HEADER}\r\ne1,GRANT,2019-02-12,a,b,1,"two\r\nlines"\r\ne2,GRANT,2019-02-12,a,b,1,x\r\n`;
    const rows = await rowsOf(temp.file('bom-crlf.csv', Buffer.from(content, 'utf8')));
    expect(rows.map((row) => [row.line, row.cells.externalId, row.cells.note])).toEqual([
      [2, 'e1', 'two\r\nlines'],
      [4, 'e2', 'x'],
    ]);
  });

  it('matches columns by name in any order and case, leaves absent optional columns undefined, ignores others', async () => {
    const path = temp.file(
      'reordered.csv',
      'Participant_IDs, Initiator_ID ,KIND,occurred_at,external_id,comment\nb,a,GRANT,2019-02-12,e1,ignored\n',
    );
    const rows = await rowsOf(path);
    expect(rows[0]!.cells).toEqual({
      externalId: 'e1',
      kind: 'GRANT',
      occurredAt: '2019-02-12',
      initiatorId: 'a',
      participantIds: 'b',
      weight: undefined,
      note: undefined,
    });
  });

  it('skips blank rows but keeps counting their lines, and flags rows with the wrong number of fields', async () => {
    const path = temp.file('blank.csv', `${HEADER}\n\n,,,,,,\ne1,GRANT,2019-02-12,a,b\ne2,GRANT,2019-02-12,a,b,1,x,extra\n`);
    const rows = await rowsOf(path);
    expect(rows.map((row) => [row.ordinal, row.line, row.rowProblem])).toEqual([
      [0, 4, 'has 5 fields; the header has 7'],
      [1, 5, 'has 8 fields; the header has 7'],
    ]);
  });

  it('refuses a header without the required columns, in one line naming them', async () => {
    const path = temp.file('missing.csv', 'external_id,kind,when,initiator_id\ne1,GRANT,2019-02-12,a\n');
    await expect(openCsvTable(path, INTERACTION_CSV_COLUMNS, REQUIRED_INTERACTION_FIELDS)).rejects.toThrow(
      `${path}: missing required columns occurred_at, participant_ids (the header has external_id, kind, when, initiator_id)`,
    );
  });

  it('says so when a JSON file is given as CSV', async () => {
    const path = temp.file('data.json', '{"interactions": []}\n');
    await expect(openCsvTable(path, INTERACTION_CSV_COLUMNS, REQUIRED_INTERACTION_FIELDS)).rejects.toThrow(
      `${path}: missing required columns external_id, kind, occurred_at, initiator_id, participant_ids (the header has {"interactions": []}); this looks like JSON: use --format json`,
    );
  });

  it('refuses an empty file and a missing one', async () => {
    const empty = temp.file('empty.csv', '');
    await expect(openCsvTable(empty, INTERACTION_CSV_COLUMNS, REQUIRED_INTERACTION_FIELDS)).rejects.toThrow(
      `${empty}: is empty: the first line must be a header row naming the columns`,
    );
    const missing = temp.path('nowhere.csv');
    await expect(openCsvTable(missing, INTERACTION_CSV_COLUMNS, REQUIRED_INTERACTION_FIELDS)).rejects.toThrow(`${missing}: does not exist`);
  });

  it('stops at a quoted field that is never closed, naming the line it starts on', async () => {
    const path = temp.file('unclosed.csv', `${HEADER}\ne1,GRANT,2019-02-12,a,b,1,ok\ne2,GRANT,2019-02-12,a,b,1,"never closed\nmore\n`);
    await expect(rowsOf(path)).rejects.toThrow(`${path}, line 3: is not valid CSV: a quoted field is never closed (a " is missing)`);
  });
});
