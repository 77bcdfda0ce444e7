/**
 * Every Cypher statement the Neo4j adapter runs, by file name (cypher/<name>.cypher), with
 * the parameters it takes. The adapter can only run a statement through `Parameters<N>`, so
 * the compiler makes it supply exactly these names; test/cypher checks that each file uses
 * exactly these `$parameters` and nothing else.
 */
export const STATEMENT_PARAMETERS = {
  'upsert-actors': ['actors', 'by', 'at'],
  'set-affiliations': ['actors'],
  'find-existing-actor-ids': ['ids'],
  'find-actors-by-ids': ['ids'],
  'find-actors-by-names': ['names'],
  'list-actors': ['afterId', 'kinds', 'region', 'tag', 'search', 'limit'],
  'count-actors': ['kinds', 'region', 'tag', 'search'],
  'stream-actors': [],
  'record-interactions': ['actorIds', 'interactions', 'by', 'at', 'auditSeq'],
  'open-interaction-batch': ['entry'],
  'find-interactions-by-ids': ['ids'],
  'find-interactions-by-keys': ['ids', 'externalIds'],
  'list-interactions': ['fromInclusive', 'toExclusive', 'kinds', 'afterOccurredAt', 'afterId', 'limit'],
  'list-actor-interactions': ['actorId', 'fromInclusive', 'toExclusive', 'kinds', 'afterOccurredAt', 'afterId', 'limit'],
  'count-interactions': ['fromInclusive', 'toExclusive', 'kinds'],
  'count-actor-interactions': ['actorId', 'fromInclusive', 'toExclusive', 'kinds'],
  'stream-window': ['fromInclusive', 'toExclusive', 'interactionKinds', 'actorKinds'],
  'count-window': ['fromInclusive', 'toExclusive', 'interactionKinds', 'actorKinds'],
  'read-window-columns': ['fromInclusive', 'toExclusive', 'interactionKinds', 'actorKinds'],
  // Migrations
  'copy-interaction-actors': [],
  'read-applied-migrations': [],
  'record-migrations': ['names'],
  'bump-revision': [],
  'read-revision': [],
  // Corrections and aliases of merged actors
  'find-actor-aliases': ['ids'],
  'alias-actor': ['sourceId', 'targetId'],
  'delete-actor-aliases': ['id'],
  'delete-actor': ['id'],
  'count-actor-references': ['id'],
  'find-actor-interactions': ['actorId'],
  'drop-interactions': ['ids'],
  'move-affiliations': ['sourceId', 'targetId', 'by', 'at'],
  'detach-interaction-actors': ['ids'],
  'attach-interaction-actors': ['interactions'],
  'set-interaction-fields': ['interactions', 'by', 'at'],
  'mark-interactions-deleted': ['ids', 'reason', 'by', 'at'],
  'unmark-interactions-deleted': ['ids', 'by', 'at'],
  'stamp-actors': ['ids', 'by', 'at'],
  // Audit trail
  'find-actor-stamps': ['ids'],
  'find-interaction-stamps': ['ids'],
  'allocate-audit-seqs': ['count'],
  'append-audit-entries': ['entries'],
  'list-audit-log': ['actorId', 'interactionId', 'by', 'fromInclusive', 'toExclusive', 'afterSeq', 'limit'],
  'list-audit-log-newest-first': ['actorId', 'interactionId', 'by', 'fromInclusive', 'toExclusive', 'beforeSeq', 'limit'],
  // API tokens
  'create-token': ['identifier', 'name', 'role', 'secretHash', 'createdAt', 'createdBy', 'expiresAt', 'surveyId', 'actorId'],
  'find-token': ['identifier'],
  'find-active-token': ['name'],
  'list-tokens': [],
  'revoke-token': ['identifier', 'at'],
  'touch-token': ['identifier', 'at'],
  // Surveys and ratings (issue 23)
  'create-survey': ['id', 'name', 'windowFrom', 'windowTo', 'rosterKinds', 'rosterIds', 'openedAt', 'openedBy', 'closesAt', 'closedAt'],
  'find-survey': ['id'],
  'list-surveys': [],
  'close-survey': ['id', 'at'],
  'find-surveys-on-roster': ['actorId'],
  'set-survey-rosters': ['surveys'],
  'list-survey-ratings': ['surveyId'],
  'delete-respondent-ratings': ['surveyId', 'respondentId'],
  'create-ratings': ['surveyId', 'respondentId', 'ratings', 'submittedAt'],
  'move-rating-respondents': ['sourceId', 'targetId'],
  'move-rating-partners': ['sourceId', 'targetId'],
  'drop-self-ratings': ['actorId'],
  'move-survey-respondent-tokens': ['sourceId', 'targetId'],
} as const satisfies Record<string, readonly string[]>;

export type StatementName = keyof typeof STATEMENT_PARAMETERS;

/** The parameter object a statement needs: exactly its declared names. */
export type StatementParameters<N extends StatementName> = {
  readonly [K in (typeof STATEMENT_PARAMETERS)[N][number]]: unknown;
};

export const STATEMENT_NAMES = Object.keys(STATEMENT_PARAMETERS) as StatementName[];
