import { CsvError } from 'csv-parse';
import { DemoRandom } from '../../src/demo/random';
import { csvRecords, type CsvReadOptions } from '../../src/import/csv-records';
import { ImportFileError } from '../../src/import/import-problem';
import { useTempDir } from './temp-files';

const temp = useTempDir('copnet-csv-records-');

/** What a read gives: each record with its empty-line count, or how it failed. */
async function outcome(file: string, options: CsvReadOptions): Promise<{ records: [number, string[]][] } | { error: string }> {
  const records: [number, string[]][] = [];
  try {
    for await (const batch of csvRecords(file, options)) for (const record of batch) records.push([record.emptyLinesBefore, record.values]);
    return { records };
  } catch (error) {
    // csv-parse's own messages count lines its own way (a resumed parse starts again at 1); the code is what matters.
    if (error instanceof CsvError) return { error: `CsvError ${error.code}` };
    if (error instanceof ImportFileError) return { error: `ImportFileError ${error.message}` };
    throw error;
  }
}

// Pieces that make every case of the grammar likely in a few dozen draws: quotes opening,
// escaped, closing before a comma or a line break or text, line breaks of three kinds, a BOM,
// a character of two bytes and a byte that is not UTF-8.
const PIECES: (string | Buffer)[] = [
  'a',
  'bc',
  'x y',
  ',',
  ',',
  '"',
  '""',
  '"q"',
  '\n',
  '\n',
  '\r\n',
  '\r',
  ' ',
  'é',
  '\uFEFF',
  Buffer.from([0xff]),
];
const PLAIN_LINES = ['e1,GRANT,"a, b",x', '', 'e2,"say ""hi""",,', '"multi\nline",z', 'long-identifier-of-thirty-chars,1'];

function randomFile(random: DemoRandom, crlf: boolean): Buffer {
  const parts: Buffer[] = [];
  // A regular stretch first, so the fast reader has records behind it when it meets an odd one.
  const plain = random.int(0, 6);
  for (let i = 0; i < plain; i++) parts.push(Buffer.from(PLAIN_LINES[random.int(0, PLAIN_LINES.length - 1)]! + (crlf ? '\r\n' : '\n')));
  const pieces = random.int(0, 40);
  for (let i = 0; i < pieces; i++) {
    const piece = PIECES[random.int(0, PIECES.length - 1)]!;
    parts.push(typeof piece === 'string' ? Buffer.from(crlf && piece === '\n' ? '\r\n' : piece) : piece);
  }
  return Buffer.concat(parts);
}

describe('csvRecords: the fast reader gives what csv-parse gives', () => {
  it('on 1,200 generated files, read in chunks of 1 to 8 bytes and whole', async () => {
    const random = new DemoRandom(20261202);
    let fallbacks = 0;
    for (let n = 0; n < 1_200; n++) {
      const content = randomFile(random, n % 3 === 0);
      const file = temp.file(`random-${n}.csv`, content);
      const chunkBytes = n % 4 === 0 ? undefined : random.int(1, 8);
      const expected = await outcome(file, { fast: false });
      const fast = await outcome(file, { chunkBytes });
      // The file (as JSON, every byte shown) and the chunk size name a failing case.
      expect({ case: n, content: JSON.stringify(content.toString('latin1')), chunkBytes, fast }).toEqual({
        case: n,
        content: JSON.stringify(content.toString('latin1')),
        chunkBytes,
        fast: expected,
      });
      if ('error' in expected) fallbacks += 1;
    }
    // The generator reaches both: files that read (369 of the 1,200) and errors (831).
    expect(fallbacks).toBe(831);
    // 3,000 files took 6 s on a quiet machine but over 120 s on a loaded one (two file reads each): 1,200 keep
    // every shape of file the generator makes while leaving a loaded CI run its margin.
  }, 120_000);

  it('hands a long file to csv-parse at its first odd record, keeping the lines and empty-line counts', async () => {
    const lines: string[] = ['h1,h2'];
    for (let n = 0; n < 3_000; n++) lines.push(n % 1_000 === 0 ? '' : `r${n},"v${n}"`);
    lines.push('odd,"closed" then text', 'after,1', '', 'last,"not \xff closed');
    const file = temp.file('odd-late.csv', Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
    const fast = await outcome(file, { chunkBytes: 4_096 });
    expect(fast).toEqual(await outcome(file, { fast: false }));
    // The byte 0xFF is not UTF-8: csv-parse's check, resumed mid-file, still names the file's line.
    expect(fast).toEqual({ error: `ImportFileError ${file}, line 3005: is not valid UTF-8; save it as UTF-8 and import again` });
  });

  it('reads a file of lone-CR line breaks through csv-parse, and a quoted field longer than its carry limit', async () => {
    const cr = temp.file('cr.csv', 'a,b\rc,"d\re"\r\rf,g\r');
    expect(await outcome(cr, {})).toEqual({
      records: [
        [0, ['a', 'b']],
        [0, ['c', 'd\re']],
        [1, ['f', 'g']],
      ],
    });
    const huge = 'x'.repeat(5 << 20);
    const long = temp.file('long.csv', `a,b\nc,"${huge}\n${huge}"\nd,e\n`);
    expect(await outcome(long, {})).toEqual({
      records: [
        [0, ['a', 'b']],
        [0, ['c', `${huge}\n${huge}`]],
        [0, ['d', 'e']],
      ],
    });
  });
});
