import { StoreUnavailableError } from '../../domain/errors';
import { redactUri } from './driver-errors';

/**
 * The oldest Neo4j copnet's Cypher is written for. Every statement uses only Cypher that
 * Neo4j 5.0 already had (no dynamic labels, no `CALL (x) { }` scoped subqueries, no COLLECT
 * subqueries); later 5.x releases and the 2025.x calendar releases run it too.
 */
export const MINIMUM_NEO4J_MAJOR = 5;

/**
 * Refuses a server older than Neo4j 5, judged by its agent string (`Neo4j/5.26.0`,
 * `Neo4j/2025.01.0`). An agent we cannot read is let through: the statements will tell.
 */
export function requireSupportedServer(agent: string | undefined, uri: string): void {
  const match = /^Neo4j\/(\d+)\./i.exec(agent ?? '');
  if (!match) return;
  const major = Number(match[1]);
  if (major < MINIMUM_NEO4J_MAJOR) {
    throw new StoreUnavailableError(
      `Neo4j at NEO4J_URI=${redactUri(uri)} runs ${agent}; copnet needs Neo4j ${MINIMUM_NEO4J_MAJOR}.0 or newer`,
    );
  }
}
