/** The series' windows through python-igraph's Graph.betweenness(): its time beside copnet's, and the largest difference. */
import type { Csr } from '../../src/metrics/kernel';
import type { SeriesResult } from '../../src/services/metrics-service';
import { line, sec, totalMs } from '../bench/report';
import { maxIgraphDifference, runIgraph, type IgraphResult } from './igraph-protocol';

export async function compareIgraph(
  dir: string,
  networks: readonly Csr[],
  cold: SeriesResult,
  coldMs: number,
  options: { readonly igraph: boolean; readonly igraphCloseness: boolean },
): Promise<void> {
  const igraph: IgraphResult = options.igraph ? runIgraph(dir, networks, options.igraphCloseness) : { error: '--no-igraph' };
  if ('error' in igraph) {
    line('igraph', `skipped: ${igraph.error}`);
    return;
  }
  const windows = cold.snapshots.length;
  const total = totalMs(igraph.betweenness);
  line(
    'igraph',
    `${igraph.version} (C core, one thread) Graph.betweenness() on the same ${windows} windows: ${sec(total)} (${sec(total / windows)} per window),`,
  );
  line('', `CPU time ${sec(totalMs(igraph.betweennessCpu))}`);
  if (igraph.closeness.length > 0) line('', `and Graph.closeness(): ${sec(totalMs(igraph.closeness))} more`);
  line('ratio', `copnet cold series / igraph betweenness = ${(coldMs / total).toFixed(2)} (target ≤ 0.15)`);
  line(
    'check',
    `largest |copnet − igraph| normalized betweenness over all windows and actors: ${maxIgraphDifference(cold.snapshots, networks, igraph.values).toExponential(1)}`,
  );
}
