import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { computeTrend, trendPointOf } from '../../src/metrics/trend';
import { MetricsService, type SeriesResult } from '../../src/services/metrics-service';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/store';

/** The demo network by school year, 2018–19 … 2024–25, through the real SQLite store. */
jest.setTimeout(120_000); // each series computes seven school years of the 743-actor demo, slow on a busy machine

describe('the demo network tells the hub-and-spoke-to-peer story', () => {
  const dir = mkdtempSync(join(tmpdir(), 'copnet-demo-story-'));
  let store: Store;
  let service: MetricsService;
  const series = { from: new Date('2018-08-01T00:00:00Z'), to: new Date('2025-08-01T00:00:00Z'), step: 'SCHOOL_YEAR' as const };
  const round = (x: number) => Math.round(x * 1000) / 1000;

  beforeAll(async () => {
    store = openSqliteStore(join(dir, 'copnet.db'));
    await loadDemoData(store);
    service = new MetricsService(store);
  }, 120_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const reversed = (result: SeriesResult) =>
    computeTrend(result.snapshots.map((s, i) => trendPointOf(result.windows[i]!.label, s)).reverse(), 'SCHOOL_YEAR');

  it('without a scope: cross-network ties grow, foundation initiative falls, MORE_PEER_CONNECTED (reversed: MORE_HUB_CENTERED)', async () => {
    const result = await service.series(series);
    expect(result.snapshots.map((s) => round(s.crossNetworkTieShare))).toEqual([0.013, 0.072, 0.079, 0.108, 0.141, 0.165, 0.167]);
    expect(result.snapshots.map((s) => round(s.foundationInitiatedShare))).toEqual([0.121, 0.088, 0.051, 0.028, 0.021, 0.016, 0.015]);
    expect(result.snapshots.map((s) => round(s.tieMix.foundation))).toEqual([0.038, 0.023, 0.01, 0.008, 0.006, 0.006, 0.007]);
    expect(result.snapshots.map((s) => round(s.eiIndex))).toEqual([-0.972, -0.844, -0.831, -0.77, -0.701, -0.655, -0.651]);
    expect(result.snapshots.map((s) => s.stage)).toEqual([
      'MULTI_HUB',
      'CORE_PERIPHERY',
      'CORE_PERIPHERY',
      'CORE_PERIPHERY',
      'CORE_PERIPHERY',
      'MULTI_HUB',
      'MULTI_HUB',
    ]);
    expect(result.trend.verdict).toBe('MORE_PEER_CONNECTED');
    expect(result.trend.summary).toBe(
      'Across 7 windows (2018–19 to 2024–25), betweenness centralization fell from 0.61 to 0.06 (−0.074 per school year), ' +
        "the cross-network share of ties rose from 1% to 17% (+2.5 points per school year) and the foundation's share of initiated " +
        "interactions fell from 12% to 1% (−1.8 points per school year); the foundation's share of ties (4% to 1%) did not clearly change: " +
        'the network became more peer-connected.',
    );
    expect(reversed(result).verdict).toBe('MORE_HUB_CENTERED');
    expect(
      result.tieChanges.map((c) => [c.window.label, c.tiesGained, c.tiesLost, round(c.persistentTieShare), c.crossNetworkTiesGained]),
    ).toEqual([
      ['2019–20', 2188, 565, 0.216, 192],
      ['2020–21', 2871, 1351, 0.334, 297],
      ['2021–22', 3735, 1838, 0.398, 591],
      ['2022–23', 3402, 2744, 0.504, 835],
      ['2023–24', 3600, 2995, 0.518, 1071],
      ['2024–25', 3361, 3381, 0.549, 1045],
    ]);
  });

  it('scoped to the foundation and the intermediaries: from HUB_AND_SPOKE around the foundation to MULTI_HUB, every signal towards peers', async () => {
    const result = await service.series(series, { actorKinds: ['FOUNDATION', 'INTERMEDIARY'] });
    expect(result.snapshots.map((s) => s.hubId)).toEqual(Array(7).fill('bmgf'));
    expect(result.snapshots.map((s) => s.stage)).toEqual(['HUB_AND_SPOKE', ...Array(6).fill('MULTI_HUB')]);
    expect(result.snapshots.map((s) => round(s.tieMix.foundation))).toEqual([0.5, 0.169, 0.174, 0.132, 0.109, 0.109, 0.102]);
    expect(result.snapshots.map((s) => round(s.foundationInitiatedShare))).toEqual([0.988, 0.835, 0.681, 0.52, 0.378, 0.294, 0.249]);
    expect(result.trend.verdict).toBe('MORE_PEER_CONNECTED');
    expect(result.trend.summary).toMatch(
      /^Across 7 windows \(2018–19 to 2024–25\), betweenness centralization fell from 0\.83 to 0\.03 .*, the foundation's share of ties fell from 50% to 10% .*, the cross-network share of ties rose from 50% to 90% .* and the foundation's share of initiated interactions fell from 99% to 25% .*: the network became more peer-connected\.$/,
    );
    expect(reversed(result).verdict).toBe('MORE_HUB_CENTERED');
  });

  it('scoped to schools, and to peer-learning kinds of interaction: MORE_PEER_CONNECTED too', async () => {
    const schools = await service.series(series, { actorKinds: ['SCHOOL'] });
    expect(schools.trend.verdict).toBe('MORE_PEER_CONNECTED');
    expect(reversed(schools).verdict).toBe('MORE_HUB_CENTERED');
    const peerKinds = await service.series(series, { interactionKinds: ['PEER_EXCHANGE', 'SITE_VISIT', 'VIRTUAL_SESSION'] });
    expect(peerKinds.trend.verdict).toBe('MORE_PEER_CONNECTED');
    expect(reversed(peerKinds).verdict).toBe('MORE_HUB_CENTERED');
  });

  it('names the intermediaries that broker between networks: lowest constraint among intermediaries in 2024–25', async () => {
    const snapshot = await service.snapshot({ from: new Date('2024-08-01T00:00:00Z'), to: new Date('2025-08-01T00:00:00Z') });
    const columns = snapshot.actorColumns!;
    const intermediaries = columns.ids.map((id, i) => ({ id, constraint: columns.constraint[i]! })).filter((a) => a.id.startsWith('nsi-'));
    intermediaries.sort((a, b) => a.constraint - b.constraint || (a.id < b.id ? -1 : 1));
    expect(intermediaries).toHaveLength(30);
    expect(intermediaries.slice(0, 3).map((a) => [a.id, round(a.constraint)])).toEqual([
      ['nsi-cumberland-valley', 0.036],
      ['nsi-city-year', 0.036],
      ['nsi-core-districts', 0.037],
    ]);
  });

  it('suggests introductions: Baltimore City should meet Crescent City next, through 16 common partners', async () => {
    const window = { from: new Date('2024-08-01T00:00:00Z'), to: new Date('2025-08-01T00:00:00Z') };
    const introductions = await service.introductions('nsi-baltimore-city', window, {}, {}, null, 3);
    expect(introductions.map((i) => [i.actorId, round(i.score), i.via.length])).toEqual([
      ['nsi-crescent-city', 4.167, 16],
      ['nsi-bluegrass-equity', 3.666, 14],
      ['nsi-delta-learning', 3.599, 14],
    ]);
  });
});
