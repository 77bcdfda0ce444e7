import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { parse as parseCsv } from 'csv-parse/sync';
import { UndirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { registerExportCommand, runExportCommand, type ExportCommandOptions } from '../../src/cli/export-command';
import { validateActorBatch } from '../../src/domain/actor';
import { validateInteractionBatch } from '../../src/domain/interaction';
import { openTestStore } from '../store/test-store';
import { parseXml, elements } from './xml';

let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copnet-export-cli-'));
  dbPath = join(dir, 'copnet.db');
  const store = await openTestStore(dbPath);
  try {
    await store.upsertActors(
      validateActorBatch([
        { id: 'fdn', name: 'Foundation & Friends', kind: 'FOUNDATION', region: 'WA' },
        { id: 'a', name: 'Network "A" <east>', kind: 'INTERMEDIARY', region: 'MD' },
        { id: 'b', name: 'Réseau B', kind: 'INTERMEDIARY' },
        { id: 'c', name: 'C Schools', kind: 'SCHOOL', region: 'TX' },
      ]),
    );
    const at = (day: string) => `${day}T12:00:00Z`;
    await store.recordInteractions(
      validateInteractionBatch([
        { externalId: 'i1', kind: 'CONVENING', occurredAt: at('2019-09-10'), initiatorId: 'fdn', participantIds: ['a'] },
        { externalId: 'i2', kind: 'GRANT', occurredAt: at('2019-10-10'), initiatorId: 'fdn', participantIds: ['a'], weight: 2 },
        { externalId: 'i3', kind: 'SITE_VISIT', occurredAt: at('2019-11-10'), initiatorId: 'fdn', participantIds: ['b'] },
        { externalId: 'i4', kind: 'PEER_EXCHANGE', occurredAt: at('2020-09-10'), initiatorId: 'a', participantIds: ['b'] },
        { externalId: 'i5', kind: 'PEER_EXCHANGE', occurredAt: at('2020-10-10'), initiatorId: 'b', participantIds: ['c'] },
      ]),
    );
  } finally {
    await store.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

async function run(options: ExportCommandOptions, cwd = dir): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runExportCommand(options, {
    openStore: () => openTestStore(dbPath),
    cwd,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err };
}

/** A fresh empty directory to write into, so "nothing written" can be checked by listing it. */
function outDir(name: string): string {
  const path = join(dir, name);
  mkdirSync(path);
  return path;
}

const YEAR_1 = { from: '2019-08-01', to: '2020-08-01' };

describe('copnet export', () => {
  it('writes GraphML of a window that a GraphML parser reads back with its attributes', async () => {
    const path = join(outDir('graphml'), 'year1.graphml');
    const result = await run({ format: 'graphml', ...YEAR_1, out: path });
    expect(result).toEqual({
      code: 0,
      out: [
        expect.stringMatching(
          /^copnet export: wrote graphml of the window \[2019-08-01T00:00:00.000Z, 2020-08-01T00:00:00.000Z\) to .*year1.graphml \([\d,]+ bytes\)$/,
        ),
      ],
      err: [],
    });
    const graph = parseGraphml(UndirectedGraph, readFileSync(path, 'utf8'));
    expect(graph.nodes().sort()).toEqual(['a', 'b', 'fdn']);
    expect(graph.size).toBe(2);
    expect(graph.getNodeAttributes('a')).toMatchObject({ name: 'Network "A" <east>', kind: 'INTERMEDIARY', region: 'MD', degree: 1 });
    expect(graph.getNodeAttributes('fdn')).toMatchObject({ name: 'Foundation & Friends', degree: 2 });
    expect(graph.getEdgeAttributes(graph.edge('fdn', 'a')!)).toEqual({
      interactions: 2,
      weight: 3,
      first_at: '2019-09-10T12:00:00.000Z',
      last_at: '2019-10-10T12:00:00.000Z',
      tie_class: 'FOUNDATION',
    });
    expect(readdirSync(join(dir, 'graphml'))).toEqual(['year1.graphml']);
  });

  it('names the file after the window when --out is not given, and applies the scope', async () => {
    const cwd = outDir('default-name');
    const result = await run({ format: 'gexf', ...YEAR_1, interactionKinds: 'CONVENING,SITE_VISIT' }, cwd);
    expect(result.code).toBe(0);
    expect(readdirSync(cwd)).toEqual(['copnet-2019-08-01_2020-08-01.gexf']);
    const graph = parseGexf(UndirectedGraph, readFileSync(join(cwd, 'copnet-2019-08-01_2020-08-01.gexf'), 'utf8'));
    expect(graph.getEdgeAttributes(graph.edge('fdn', 'a')!)).toMatchObject({ interactions: 1, weight: 1 });
    expect(graph.getNodeAttribute('a', 'label')).toBe('Network "A" <east>');
  });

  it('writes series formats with --step: the metric series as CSV and a dynamic GEXF', async () => {
    const cwd = outDir('series');
    const series = { from: '2019-08-01', to: '2021-08-01', step: 'SCHOOL_YEAR' };
    expect((await run({ format: 'csv-series', ...series, out: 'series.csv' }, cwd)).code).toBe(0);
    const rows = parseCsv<Record<string, string>>(readFileSync(join(cwd, 'series.csv'), 'utf8'), { columns: true });
    expect(rows.map((r) => [r.window_from, r.window_to, r.actor_count, r.tie_count, r.hub_id])).toEqual([
      ['2019-08-01T00:00:00.000Z', '2020-08-01T00:00:00.000Z', '3', '2', 'fdn'],
      ['2020-08-01T00:00:00.000Z', '2021-08-01T00:00:00.000Z', '3', '2', 'b'],
    ]);
    expect((await run({ format: 'gexf-dynamic', ...series, out: 'series.gexf' }, cwd)).code).toBe(0);
    const doc = parseXml(readFileSync(join(cwd, 'series.gexf'), 'utf8'));
    const spells = elements(doc, 'node').map((n) => [
      n.getAttribute('id'),
      elements(n, 'spell').map((s) => `${s.getAttribute('start')}/${s.getAttribute('end')}`),
    ]);
    expect(spells).toEqual([
      ['a', ['2019-08-01/2021-08-01']],
      ['b', ['2019-08-01/2021-08-01']],
      ['c', ['2020-08-01/2021-08-01']],
      ['fdn', ['2019-08-01/2020-08-01']],
    ]);
  });

  it.each([
    [
      { format: 'xlsx', ...YEAR_1 },
      'copnet export: --format: "xlsx" is not one of gexf, graphml, csv, csv-nodes, csv-edges, json, gexf-dynamic, csv-series',
    ],
    [
      { format: 'gexf', from: '2020-08-01', to: '2019-08-01' },
      'copnet export: --from: "2020-08-01" must be before to (2019-08-01T00:00:00.000Z)',
    ],
    [
      { format: 'gexf', from: '2020-08-01', to: '2020-08-01' },
      'copnet export: --from: "2020-08-01" must be before to (2020-08-01T00:00:00.000Z)',
    ],
    [{ format: 'gexf', from: '2019-13-01', to: '2020-08-01' }, 'copnet export: --from: "2019-13-01" is not a real calendar date-time'],
    [
      { format: 'csv', ...YEAR_1, actorKinds: 'SCHOOL,CHURCH' },
      'copnet export: --actor-kinds[1]: "CHURCH" is not one of FOUNDATION, INTERMEDIARY, SCHOOL, SUPPORT_PARTNER',
    ],
    [{ format: 'json', ...YEAR_1, step: 'MONTH' }, 'copnet export: --step: "MONTH" applies to series formats only, not json'],
    [{ format: 'csv-series', ...YEAR_1 }, 'copnet export: --step: (missing) is required'],
  ])('rejects bad input in one line, exit 1, writing nothing: %j', async (options, message) => {
    const cwd = outDir(`bad-${Math.random().toString(36).slice(2)}`);
    expect(await run({ ...options, out: 'x.out' }, cwd)).toEqual({ code: 1, out: [], err: [message] });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('rejects an --out it cannot write before computing anything', async () => {
    const cwd = outDir('unwritable');
    expect(await run({ format: 'gexf', ...YEAR_1, out: 'missing-dir/x.gexf' }, cwd)).toEqual({
      code: 1,
      out: [],
      err: ['copnet export: --out: "missing-dir/x.gexf" is in a directory that does not exist'],
    });
    expect(await run({ format: 'gexf', ...YEAR_1, out: '.' }, cwd)).toEqual({
      code: 1,
      out: [],
      err: ['copnet export: --out: "." is a directory; name a file'],
    });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('is registered on a commander program with kebab-case flags', async () => {
    const cwd = outDir('commander');
    const program = new Command('copnet').exitOverride();
    const out: string[] = [];
    registerExportCommand(program, {
      openStore: () => openTestStore(dbPath),
      cwd,
      out: (line) => out.push(line),
      err: (line) => out.push(line),
    });
    await program.parseAsync(
      ['export', '--format', 'csv-nodes', '--from', '2020-08-01', '--to', '2021-08-01', '--actor-kinds', 'INTERMEDIARY', '--out', 'n.csv'],
      { from: 'user' },
    );
    expect(out).toEqual([expect.stringContaining('copnet export: wrote csv-nodes')]);
    const rows = parseCsv<Record<string, string>>(readFileSync(join(cwd, 'n.csv'), 'utf8'), { columns: true });
    expect(rows.map((r) => [r.id, r.name, r.degree])).toEqual([
      ['a', 'Network "A" <east>', '1'],
      ['b', 'Réseau B', '1'],
    ]);
    process.exitCode = undefined;
  });
});
