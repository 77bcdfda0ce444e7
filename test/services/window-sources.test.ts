import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../src/domain/actor';
import type { Interaction } from '../../src/domain/interaction';
import { parseExportQuery, type ExportQueryText } from '../../src/services/export-query';
import { ExportService } from '../../src/services/export-service';
import { MetricsService } from '../../src/services/metrics-service';
import { WorkPool } from '../../src/services/work/work-pool';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Scope } from '../../src/domain/scope';
import type { InteractionSink, Store } from '../../src/store/store';

/**
 * The two ways a worker gets a window: reading the SQLite file itself (Store.windowFile) and
 * columns read on the calling thread (a store without a file: Neo4j, an in-memory SQLite) give
 * the same series and the same export bytes.
 */
const dir = mkdtempSync(join(tmpdir(), 'copnet-window-sources-'));
const pool = new WorkPool({ threads: 1 });
const stores: Store[] = [];
afterAll(async () => {
  await pool.close();
  await Promise.all(stores.map((store) => store.close()));
  rmSync(dir, { recursive: true, force: true });
});

const actors: Actor[] = [
  { id: 'hub', name: 'Hub', kind: 'INTERMEDIARY', region: null, tags: [], affiliationId: null },
  { id: 'fund', name: 'Fund', kind: 'FOUNDATION', region: null, tags: [], affiliationId: null },
  ...['s1', 's2', 's3', 's4'].map((id): Actor => ({ id, name: id, kind: 'SCHOOL', region: 'TX', tags: [], affiliationId: 'hub' })),
];
const interactions: Interaction[] = Array.from({ length: 40 }, (_, i) => ({
  id: `i${i}`,
  externalId: null,
  kind: i % 3 === 0 ? 'PEER_EXCHANGE' : 'CONVENING',
  occurredAt: new Date(Date.UTC(2020, i % 12, 1 + (i % 27))),
  initiatorId: ['hub', 's1', 's2', 'fund'][i % 4]!,
  participantIds: [['s3', 's4'], ['s2'], ['s4', 'hub'], ['hub']][i % 4]!,
  weight: 1 + (i % 3),
  note: null,
}));

async function seeded(path: string, data = { actors, interactions }): Promise<Store> {
  const store = openSqliteStore(path);
  stores.push(store);
  await store.upsertActors(data.actors);
  await store.recordInteractions(data.interactions);
  return store;
}

async function bytesOf(exports: ExportService, text: Omit<ExportQueryText, 'from' | 'to'>): Promise<string> {
  const download = await exports.export(parseExportQuery({ from: '2020-01-01', to: '2021-01-01', ...text }));
  const chunks: Buffer[] = [];
  for await (const chunk of download.body) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

describe('a worker reading the file, or columns posted to it', () => {
  it('gives the same series and the same exports', async () => {
    const file = await seeded(join(dir, 'copnet.db'));
    const memory = await seeded(':memory:');
    expect(file.windowFile?.kind).toBe('sqlite');
    expect(memory.windowFile).toBeUndefined();
    const services = [file, memory].map((store) => {
      const metrics = new MetricsService(store, { work: pool });
      return { metrics, exports: new ExportService(metrics, pool) };
    });
    const series = { from: new Date(Date.UTC(2020, 0, 1)), to: new Date(Date.UTC(2021, 0, 1)), step: 'QUARTER' as const };
    const [fromFile, fromColumns] = await Promise.all(services.map(({ metrics }) => metrics.series(series)));
    expect(fromFile!.snapshots.map((s) => [s.tieCount, s.actors.length])).toEqual([
      [6, 5],
      [5, 6],
      [6, 5],
      [5, 5],
    ]);
    expect(fromFile!.snapshots.map((s) => ({ ...s, actors: s.actors }))).toEqual(
      fromColumns!.snapshots.map((s) => ({ ...s, actors: s.actors })),
    );
    const texts: Omit<ExportQueryText, 'from' | 'to'>[] = [{ format: 'graphml' }, { format: 'gexf-dynamic', step: 'QUARTER' }];
    for (const text of texts) {
      const [a, b] = await Promise.all(services.map(({ exports }) => bytesOf(exports, text)));
      expect(a!.length).toBeGreaterThan(1000);
      expect(a).toBe(b);
    }
  });
});

describe('a series read on this thread, group by group (a store without a file)', () => {
  // s5's intermediary hub2 is in no interaction: its kind still decides s5's network.
  const networkActors: Actor[] = [
    { id: 'hub', name: 'Hub', kind: 'INTERMEDIARY', region: null, tags: [], affiliationId: null },
    { id: 'hub2', name: 'Hub 2', kind: 'INTERMEDIARY', region: null, tags: [], affiliationId: null },
    { id: 's1', name: 's1', kind: 'SCHOOL', region: 'TX', tags: [], affiliationId: 'hub' },
    { id: 's5', name: 's5', kind: 'SCHOOL', region: 'TX', tags: [], affiliationId: 'hub2' },
  ];
  const monthly: Interaction[] = Array.from({ length: 24 }, (_, i) => ({
    id: `m${i}`,
    externalId: null,
    kind: 'PEER_EXCHANGE',
    occurredAt: new Date(Date.UTC(2020, i >> 1, 3 + (i & 1))),
    initiatorId: i % 2 === 0 ? 's1' : 'hub',
    participantIds: i % 2 === 0 ? ['s5'] : ['s1'],
    weight: 1,
    note: null,
  }));
  const months = { from: new Date(Date.UTC(2020, 0, 1)), to: new Date(Date.UTC(2021, 0, 1)), step: 'MONTH' as const };
  const networkStore = (path: string) => seeded(path, { actors: networkActors, interactions: monthly });

  it('knows the intermediaries of the schools it names, as a worker reading the file does', async () => {
    const [file, memory] = await Promise.all([networkStore(join(dir, 'networks.db')), networkStore(':memory:')]);
    const [fromFile, fromColumns] = await Promise.all(
      [file, memory].map((store) => new MetricsService(store, { work: pool }).series(months)),
    );
    // each month: s1–s5 across two networks, hub–s1 within one
    expect(fromColumns!.snapshots.map((s) => [s.tieCount, s.crossNetworkTieShare])).toEqual(Array.from({ length: 12 }, () => [2, 0.5]));
    expect(fromColumns!.snapshots).toEqual(fromFile!.snapshots);
  });

  it('fails with the store error when the read breaks off midway, and the next series is measured', async () => {
    const memory = await networkStore(':memory:');
    // The real store, whose range read fails after ten interactions (a connection lost mid-read).
    const failing: Store = Object.assign(Object.create(memory) as Store, {
      readWindowInto: async (window: Parameters<NonNullable<Store['readWindowInto']>>[0], scope: Scope, sink: InteractionSink) => {
        let rows = 0;
        await memory.readWindowInto!(window, scope, {
          append: (...fields: Parameters<InteractionSink['append']>) => {
            if (++rows > 10) throw new Error('the store went away');
            sink.append(...fields);
          },
        });
      },
    });
    await expect(new MetricsService(failing, { work: pool }).series(months)).rejects.toThrow('the store went away');
    const series = await new MetricsService(memory, { work: pool }).series(months);
    expect(series.snapshots.map((s) => s.tieCount)).toEqual(Array.from({ length: 12 }, () => 2));
  });
});
