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
import type { Store } from '../../src/store/store';

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

async function seeded(path: string): Promise<Store> {
  const store = openSqliteStore(path);
  stores.push(store);
  await store.upsertActors(actors);
  await store.recordInteractions(interactions);
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
