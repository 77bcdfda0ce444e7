/**
 * The hot path of the metrics: exact betweenness and closeness over compact typed-array
 * adjacency, in the calling thread or spread over worker threads.
 */
export { toCsr, csrFromEdges, type Csr } from './csr';
export { baselineBrandesSync, brandesSync, closenessSync, type PathMetrics } from './path-metrics';
export { PathMetricsPool } from './path-metrics-pool';
