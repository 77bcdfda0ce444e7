import neo4j, { type Driver, type Plan } from 'neo4j-driver';
import { toNeo4jDateTime, toNeo4jInteger, UNBOUNDED_FUTURE, UNBOUNDED_PAST } from '../../src/store/neo4j/conversions';
import { readStatement } from '../../src/store/neo4j/cypher-files';
import { openNeo4jStore } from '../../src/store/neo4j/neo4j-store';
import type { StatementName, StatementParameters } from '../../src/store/neo4j/statements';
import { neo4jTestOptions, TEST_STORE, wipeNeo4j } from '../store/test-store';

/**
 * The statements on hot paths (window streaming, paging, batch writes and their lookups) use
 * the index meant for them: EXPLAIN on the real Neo4j shows an index seek on the intended
 * label and property and no AllNodesScan or NodeByLabelScan. A rewritten statement that loses
 * its index fails here, not in production on a large graph.
 */

type Expectation = {
  [N in StatementName]: {
    readonly name: N;
    readonly parameters: StatementParameters<N>;
    /** Operator types (without the @neo4j suffix) of which one must appear, reading the given index. */
    readonly seek: readonly string[];
    /** Text the seek's details must show: label and property, e.g. `Interaction(occurredAt)`. */
    readonly on: string;
  };
}[StatementName];

const at = toNeo4jDateTime(new Date('2020-01-01T00:00:00Z'));
const later = toNeo4jDateTime(new Date('2021-01-01T00:00:00Z'));
const interactionRow = {
  id: 'i',
  externalId: null,
  kind: 'OTHER',
  occurredAt: Date.parse('2020-01-01T00:00:00Z'),
  initiatorId: 'a',
  participantIds: ['b'],
  weight: 1,
  note: null,
};
const UNIQUE_SEEK = ['NodeUniqueIndexSeek', 'NodeUniqueIndexSeek(Locking)'];
const RANGE_SEEK = ['NodeIndexSeekByRange', 'NodeUniqueIndexSeekByRange'];
const INDEX_SEEK = ['NodeIndexSeek'];

const HOT_PATHS: Expectation[] = [
  {
    name: 'stream-window',
    parameters: { fromInclusive: at, toExclusive: later, interactionKinds: null, actorKinds: ['SCHOOL'] },
    seek: RANGE_SEEK,
    on: 'Interaction(occurredAt)',
  },
  {
    name: 'list-interactions',
    parameters: { fromInclusive: at, toExclusive: later, kinds: ['OTHER'], afterOccurredAt: at, afterId: 'x', limit: toNeo4jInteger(51) },
    seek: RANGE_SEEK,
    on: 'Interaction(occurredAt)',
  },
  {
    name: 'count-interactions',
    parameters: { fromInclusive: UNBOUNDED_PAST, toExclusive: UNBOUNDED_FUTURE, kinds: null },
    seek: RANGE_SEEK,
    on: 'Interaction(occurredAt)',
  },
  {
    name: 'list-actor-interactions',
    parameters: {
      actorId: 'a',
      fromInclusive: at,
      toExclusive: later,
      kinds: null,
      afterOccurredAt: null,
      afterId: null,
      limit: toNeo4jInteger(51),
    },
    seek: UNIQUE_SEEK,
    on: 'Actor(id)',
  },
  {
    name: 'count-actor-interactions',
    parameters: { actorId: 'a', fromInclusive: at, toExclusive: later, kinds: null },
    seek: UNIQUE_SEEK,
    on: 'Actor(id)',
  },
  {
    name: 'list-actors',
    parameters: { afterId: 'm', kinds: null, region: null, tag: null, search: null, limit: toNeo4jInteger(51) },
    seek: RANGE_SEEK,
    on: 'Actor(id)',
  },
  {
    name: 'record-interactions',
    parameters: {
      actorIds: ['a', 'b'],
      interactions: [['i', null, 'OTHER', Date.parse('2020-01-01T00:00:00Z'), 0, [1], 1, null]],
      by: 'w',
      at,
      auditSeq: toNeo4jInteger(1),
    },
    seek: UNIQUE_SEEK,
    on: 'Actor(id)',
  },
  { name: 'find-interactions-by-ids', parameters: { ids: ['i'] }, seek: UNIQUE_SEEK, on: 'Interaction(id)' },
  {
    name: 'find-interactions-by-keys',
    parameters: { ids: ['i'], externalIds: ['e'] },
    seek: UNIQUE_SEEK,
    on: 'Interaction(externalId)',
  },
  { name: 'find-existing-actor-ids', parameters: { ids: ['a'] }, seek: UNIQUE_SEEK, on: 'Actor(id)' },
  { name: 'find-actors-by-ids', parameters: { ids: ['a'] }, seek: UNIQUE_SEEK, on: 'Actor(id)' },
  {
    name: 'upsert-actors',
    parameters: { actors: [{ id: 'a', name: 'A', kind: 'SCHOOL', region: null, tags: [] }], by: 'w', at },
    seek: UNIQUE_SEEK,
    on: 'Actor(id)',
  },
  { name: 'set-affiliations', parameters: { actors: [{ id: 'a', affiliationId: 'b' }] }, seek: UNIQUE_SEEK, on: 'Actor(id)' },
  { name: 'bump-revision', parameters: {}, seek: UNIQUE_SEEK, on: 'CopnetMeta(id)' },
  { name: 'read-revision', parameters: {}, seek: UNIQUE_SEEK, on: 'CopnetMeta(id)' },
  // Every authenticated request, and alias resolution in writes and lookups
  { name: 'find-token', parameters: { identifier: 'x' }, seek: UNIQUE_SEEK, on: 'ApiToken(identifier)' },
  { name: 'find-actor-aliases', parameters: { ids: ['a'] }, seek: UNIQUE_SEEK, on: 'ActorAlias(id)' },
  { name: 'find-interaction-stamps', parameters: { ids: ['i'] }, seek: UNIQUE_SEEK, on: 'Interaction(id)' },
  { name: 'allocate-audit-seqs', parameters: { count: toNeo4jInteger(1) }, seek: UNIQUE_SEEK, on: 'CopnetMeta(id)' },
  {
    name: 'open-interaction-batch',
    parameters: {
      entry: {
        at: 0,
        by: 'w',
        action: 'CREATE',
        subject: 'INTERACTION_BATCH',
        subjectId: 's',
        relatedId: null,
        before: null,
        after: '{}',
        reason: null,
      },
    },
    seek: UNIQUE_SEEK,
    on: 'CopnetMeta(id)',
  },
  // The window read of every series (no scope), writes of corrections and merges, stamps, token use
  {
    name: 'stream-window',
    parameters: { fromInclusive: at, toExclusive: later, interactionKinds: null, actorKinds: null },
    seek: RANGE_SEEK,
    on: 'Interaction(occurredAt)',
  },
  // A series' range read (Neo4jStore.readWindowInto), scoped and not
  {
    name: 'read-window-columns',
    parameters: { fromInclusive: at, toExclusive: later, interactionKinds: null, actorKinds: null },
    seek: RANGE_SEEK,
    on: 'Interaction(occurredAt)',
  },
  {
    name: 'read-window-columns',
    parameters: { fromInclusive: at, toExclusive: later, interactionKinds: ['OTHER'], actorKinds: ['SCHOOL'] },
    seek: RANGE_SEEK,
    on: 'Interaction(occurredAt)',
  },
  { name: 'find-actor-interactions', parameters: { actorId: 'a' }, seek: UNIQUE_SEEK, on: 'Actor(id)' },
  { name: 'set-interaction-fields', parameters: { interactions: [interactionRow], by: 'w', at }, seek: UNIQUE_SEEK, on: 'Interaction(id)' },
  { name: 'detach-interaction-actors', parameters: { ids: ['i'] }, seek: UNIQUE_SEEK, on: 'Interaction(id)' },
  { name: 'attach-interaction-actors', parameters: { interactions: [interactionRow] }, seek: UNIQUE_SEEK, on: 'Interaction(id)' },
  { name: 'mark-interactions-deleted', parameters: { ids: ['i'], reason: 'r', by: 'w', at }, seek: UNIQUE_SEEK, on: 'Interaction(id)' },
  { name: 'find-actor-stamps', parameters: { ids: ['a'] }, seek: UNIQUE_SEEK, on: 'Actor(id)' },
  { name: 'touch-token', parameters: { identifier: 'x', at }, seek: UNIQUE_SEEK, on: 'ApiToken(identifier)' },
  // Surveys (issue 23): every form, submission and results read looks a survey and its ratings up by key
  { name: 'find-survey', parameters: { id: 's' }, seek: UNIQUE_SEEK, on: 'Survey(id)' },
  { name: 'close-survey', parameters: { id: 's', at }, seek: UNIQUE_SEEK, on: 'Survey(id)' },
  { name: 'set-survey-rosters', parameters: { surveys: [{ id: 's', rosterIds: ['a'] }] }, seek: UNIQUE_SEEK, on: 'Survey(id)' },
  { name: 'list-survey-ratings', parameters: { surveyId: 's' }, seek: INDEX_SEEK, on: 'Rating(surveyId)' },
  { name: 'delete-respondent-ratings', parameters: { surveyId: 's', respondentId: 'a' }, seek: INDEX_SEEK, on: ':Rating(' },
  { name: 'move-rating-respondents', parameters: { sourceId: 'a', targetId: 'b' }, seek: INDEX_SEEK, on: 'Rating(respondentId)' },
  { name: 'move-rating-partners', parameters: { sourceId: 'a', targetId: 'b' }, seek: INDEX_SEEK, on: 'Rating(partnerId)' },
  // Both ids are the actor's: the planner may seek either index.
  { name: 'drop-self-ratings', parameters: { actorId: 'a' }, seek: INDEX_SEEK, on: ':Rating(' },
];

const SCANS = ['AllNodesScan', 'NodeByLabelScan'];

interface Operator {
  readonly type: string;
  readonly details: string;
}

function operators(plan: Plan): Operator[] {
  const type = plan.operatorType.replace(/@.*$/, '');
  const details = String(plan.arguments['Details'] ?? '');
  return [{ type, details }, ...plan.children.flatMap(operators)];
}

if (TEST_STORE !== 'neo4j') {
  describe.skip('Neo4j query plans', () => {
    it('runs under npm run test:neo4j', () => undefined);
  });
} else {
  describe('Neo4j query plans of hot-path statements', () => {
    const options = neo4jTestOptions();
    let driver: Driver;

    beforeAll(async () => {
      await wipeNeo4j(options);
      // The migrations create the constraints and indexes the plans should use.
      await (await openNeo4jStore(options)).close();
      driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password));
    });
    afterAll(async () => {
      await driver?.close();
    });

    it.each(HOT_PATHS.map((expectation) => [expectation.name, expectation] as const))('%s seeks its index', async (_name, expectation) => {
      const { summary } = await driver.executeQuery(`EXPLAIN ${readStatement(expectation.name)}`, expectation.parameters, {
        database: options.database,
      });
      expect(summary.plan).toBeTruthy();
      const used = operators(summary.plan as Plan);
      const described = used.map((op) => `${op.type} ${op.details}`).join('\n');
      expect({
        statement: expectation.name,
        scans: used.filter((op) => SCANS.includes(op.type)).map((op) => `${op.type} ${op.details}`),
      }).toEqual({
        statement: expectation.name,
        scans: [],
      });
      const seeks = used.filter((op) => expectation.seek.includes(op.type) && op.details.includes(expectation.on));
      if (seeks.length === 0)
        throw new Error(`${expectation.name}: no ${expectation.seek.join('/')} on ${expectation.on} in the plan:\n${described}`);
    });
  });
}
