import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '../../src/domain/errors';
import { exportToBuffer, renderExport, writeExport } from '../../src/export/write-export';
import { METRICS, SCHOOL_YEAR, buildNetwork, fixtureExport } from './fixture';

describe('renderExport / writeExport', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'copnet-export-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes into a Writable and ends it', async () => {
    const path = join(dir, 'out.graphml');
    await writeExport({ format: 'graphml', data: fixtureExport() }, createWriteStream(path));
    expect(readFileSync(path)).toEqual(await exportToBuffer({ format: 'graphml', data: fixtureExport() }));
  });

  it('gives the same bytes whatever order the network was built in', async () => {
    const shuffled = buildNetwork(
      [...fixtureExport().network.nodes()].reverse().map((id) => ({ id, ...fixtureExport().network.getNodeAttributes(id) })),
    );
    const a = await exportToBuffer({ format: 'json', data: fixtureExport() });
    const b = await exportToBuffer({ format: 'json', data: { ...fixtureExport(), network: shuffled } });
    expect(b.toString()).toBe(a.toString());
  });

  it('rejects, before producing anything, metrics that do not describe the network', () => {
    const missing = { ...fixtureExport(), actors: METRICS.filter((m) => m.actorId !== 'sp') };
    expect(() => renderExport({ format: 'gexf', data: missing })).toThrow(
      new InvalidInputError('data.actors', 'sp', 'is a node of the network without metrics'),
    );
    expect(() => renderExport({ format: 'csv', data: missing })).toThrow('data.actors: "sp" is a node of the network without metrics');
    const ghost = { ...fixtureExport(), actors: [...METRICS, { ...METRICS[0]!, actorId: 'ghost' }] };
    expect(() => renderExport({ format: 'csv-nodes', data: ghost })).toThrow(
      'data.actors[5].actorId: "ghost" is not a node of the network',
    );
    const twice = { ...fixtureExport(), actors: [...METRICS, METRICS[0]!] };
    expect(() => renderExport({ format: 'json', data: twice })).toThrow('data.actors[5].actorId: "fnd" appears more than once');
  });

  it('rejects a series that is empty or out of order, naming the window', () => {
    const later = { ...fixtureExport(), window: { from: SCHOOL_YEAR.to, to: new Date('2021-08-01T00:00:00Z') } };
    expect(() => renderExport({ format: 'gexf-dynamic', data: [] })).toThrow('data: [] must hold at least one window');
    expect(() => renderExport({ format: 'gexf-dynamic', data: [later, fixtureExport()] })).toThrow(
      'data[1].to: 2020-08-01T00:00:00.000Z must be after data[0].to (windows in order)',
    );
    const bad = { ...fixtureExport(), actors: [] };
    expect(() => renderExport({ format: 'gexf-dynamic', data: [fixtureExport(), bad] })).toThrow(
      'data[1].actors: "fnd" is a node of the network without metrics',
    );
  });

  it('rejects an unknown format handed in without type checking', () => {
    const request = { format: 'xlsx', data: fixtureExport() } as unknown as Parameters<typeof renderExport>[0];
    expect(() => renderExport(request)).toThrow('format: "xlsx" is not an export format');
  });
});
