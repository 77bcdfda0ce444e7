/**
 * Every Cypher statement the Neo4j adapter runs, by file name (cypher/<name>.cypher), with
 * the parameters it takes. The adapter can only run a statement through `Parameters<N>`, so
 * the compiler makes it supply exactly these names; test/cypher checks that each file uses
 * exactly these `$parameters` and nothing else.
 */
export const STATEMENT_PARAMETERS = {
  'upsert-actors': ['actors'],
  'set-affiliations': ['actors'],
  'find-existing-actor-ids': ['ids'],
  'find-actors-by-ids': ['ids'],
  'list-actors': ['afterId', 'kinds', 'region', 'tag', 'search', 'limit'],
  'count-actors': ['kinds', 'region', 'tag', 'search'],
  'stream-actors': [],
  'record-interactions': ['interactions'],
  'find-interactions-by-ids': ['ids'],
  'find-interactions-by-external-ids': ['externalIds'],
  'list-interactions': ['fromInclusive', 'toExclusive', 'kinds', 'afterOccurredAt', 'afterId', 'limit'],
  'list-actor-interactions': ['actorId', 'fromInclusive', 'toExclusive', 'kinds', 'afterOccurredAt', 'afterId', 'limit'],
  'count-interactions': ['fromInclusive', 'toExclusive', 'kinds'],
  'count-actor-interactions': ['actorId', 'fromInclusive', 'toExclusive', 'kinds'],
  'stream-window': ['fromInclusive', 'toExclusive', 'interactionKinds', 'actorKinds'],
  'bump-revision': [],
  'read-revision': [],
} as const satisfies Record<string, readonly string[]>;

export type StatementName = keyof typeof STATEMENT_PARAMETERS;

/** The parameter object a statement needs: exactly its declared names. */
export type StatementParameters<N extends StatementName> = {
  readonly [K in (typeof STATEMENT_PARAMETERS)[N][number]]: unknown;
};

export const STATEMENT_NAMES = Object.keys(STATEMENT_PARAMETERS) as StatementName[];
