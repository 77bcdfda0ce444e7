/**
 * What the hub-and-spoke story's measures (tie mix, E-I index, constraint, effective size,
 * core number, main core, stage) cost: measureGraph alone on each window's graph without
 * and with them, then the whole cold series without and with them.
 */
import { measuredNetwork, measureGraph } from '../../src/metrics/compute-snapshot';
import type { PathCentralityEngine } from '../../src/metrics/path-centralities';
import type { SeriesInput, SeriesWindow } from '../../src/metrics/series';
import { MetricsService } from '../../src/services/metrics-service';
import type { Store } from '../../src/store/store';
import { line, sec } from '../bench/report';

export async function compareStory(
  store: Store,
  service: MetricsService,
  pathCentralities: PathCentralityEngine,
  series: SeriesInput,
  windows: readonly SeriesWindow[],
  rounds: number,
): Promise<void> {
  // measureGraph alone, without the path centralities and the store (main thread, so little
  // affected by the pool).
  let plainMs = 0;
  let storyMs = 0;
  for (const window of windows) {
    const projection = await service.network(window);
    const measured = measuredNetwork(projection.network);
    const counts = { interactionCount: projection.interactionCount, initiatedBy: [0, 0, 0, 0] };
    let t0 = performance.now();
    measureGraph(measured, window, counts, { story: false });
    plainMs += performance.now() - t0;
    t0 = performance.now();
    measureGraph(measured, window, counts, { story: true });
    storyMs += performance.now() - t0;
  }
  line(
    'story',
    `measureGraph alone over the ${windows.length} windows (no betweenness/closeness): ${sec(plainMs)} without the story measures, ` +
      `${sec(storyMs)} with them (+${sec(storyMs - plainMs)}, ${sec((storyMs - plainMs) / windows.length)} per window)`,
  );

  // The same cold series without them, then with them again, each on a fresh service (empty
  // cache) in this already warmed-up process.
  const coldWith = async (story: boolean): Promise<number> => {
    const fresh = new MetricsService(store, { pathCentralities, measures: { story } });
    const t0 = performance.now();
    await fresh.series(series);
    return performance.now() - t0;
  };
  for (let round = 1; round <= rounds; round++) {
    const without = await coldWith(false);
    const withAgain = await coldWith(true);
    line(
      '',
      `cold series without the story measures ${sec(without)}, with them ${sec(withAgain)} ` +
        `(${withAgain >= without ? '+' : '−'}${((Math.abs(withAgain - without) / without) * 100).toFixed(1)}%; fresh caches, after the first cold run)`,
    );
  }
}
