import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { seriesChangePoints } from '../../src/metrics/change-points';
import { MetricsService } from '../../src/services/metrics-service';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/store';

/** Change points of the demo network by month, August 2018 – July 2025, through the real SQLite store. */
jest.setTimeout(300_000);

describe('change points of the demo network by month', () => {
  const dir = mkdtempSync(join(tmpdir(), 'copnet-demo-cusum-'));
  let store: Store;
  beforeAll(async () => {
    store = openSqliteStore(join(dir, 'copnet.db'));
    await loadDemoData(store);
  }, 120_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pins the shifts CUSUM finds in each signal, by month', async () => {
    const service = new MetricsService(store);
    const series = { from: new Date('2018-08-01T00:00:00Z'), to: new Date('2025-08-01T00:00:00Z'), step: 'MONTH' as const };
    const result = await service.series(series);
    const points = seriesChangePoints(result.snapshots).map((p) => [
      p.signal,
      p.direction,
      result.windows[p.since]!.label,
      result.windows[p.window]!.label,
      Math.round(p.statistic * 1000) / 1000,
    ]);
    // The first baseline is August–November 2018. The cross-network share's first shift starts in 2019-08, the
    // first month of the second school year; the foundation's share of the initiative falls from 2021-12 (alarm 2024-05).
    expect(points).toEqual([
      ['CROSS_NETWORK_TIE_SHARE', 'UP', '2019-08', '2019-09', 4.722],
      ['CROSS_NETWORK_TIE_SHARE', 'UP', '2020-01', '2020-03', 5.213],
      ['CROSS_NETWORK_TIE_SHARE', 'UP', '2022-03', '2023-01', 4.456],
      ['CROSS_NETWORK_TIE_SHARE', 'DOWN', '2023-05', '2023-06', 4.272],
      ['CROSS_NETWORK_TIE_SHARE', 'UP', '2023-10', '2024-04', 5.443],
      ['CROSS_NETWORK_TIE_SHARE', 'DOWN', '2025-07', '2025-07', 5.776],
      ['FOUNDATION_TIE_SHARE', 'UP', '2018-12', '2019-07', 5.617],
      ['FOUNDATION_TIE_SHARE', 'DOWN', '2020-01', '2022-03', 4.098],
      ['FOUNDATION_TIE_SHARE', 'UP', '2022-10', '2022-11', 4.022],
      ['FOUNDATION_TIE_SHARE', 'DOWN', '2023-12', '2024-04', 4.652],
      ['FOUNDATION_TIE_SHARE', 'UP', '2024-10', '2024-11', 5.831],
      ['FOUNDATION_INITIATED_SHARE', 'DOWN', '2021-12', '2024-05', 4.147],
      ['FOUNDATION_INITIATED_SHARE', 'UP', '2024-10', '2024-11', 6.714],
    ]);
    // none for betweenness centralization or density
    expect(points.filter((p) => p[0] === 'BETWEENNESS_CENTRALIZATION' || p[0] === 'DENSITY')).toEqual([]);
  });
});
