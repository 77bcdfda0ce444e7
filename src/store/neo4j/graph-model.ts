import type { ActorKind } from '../../domain/actor';

/**
 * The Neo4j graph model, the one place that names it (the Cypher files use these names;
 * test/cypher checks them against this list):
 *
 *   (:Actor:<KindLabel> {id, name, kind, region, tags})
 *   (:Actor)-[:AFFILIATED_WITH]->(:Actor)            a school's intermediary
 *   (:Actor)-[:INITIATED]->(:Interaction {id, externalId, kind, occurredAt, weight, note, initiatorId, participantIds, auditSeq})
 *   (:Interaction)-[:INVOLVED {position}]->(:Actor)   participants, position 0, 1, ... in order
 *
 * An interaction's initiatorId and participantIds (in order) copy its INITIATED and INVOLVED
 * relationships: every write sets both together, and reads return the copies, a third of the
 * server's work per row of traversing the relationships (the profile of stream-window). The
 * relationships stay for graph queries and for scoping by actor. auditSeq is the seq of the
 * INTERACTION_BATCH audit entry that recorded it (absent on interactions older than those entries).
 *
 *   (:CopnetMeta {id: 'store', revision})             bumped by every write transaction
 *   (:CopnetMeta {id: 'audit', lastSeq})              the last audit entry's number
 *   (:CopnetMeta {id: 'migrations', applied})         names of the migrations applied (migrations.ts)
 *   (:ActorAlias {id, targetId})                      the id of a merged actor, naming the actor it was merged into
 *   (:AuditEntry {seq, at, by, action, subject, subjectId, relatedId, before, after, reason})   append-only; before/after are JSON text
 *   (:ApiToken {identifier, name, role, secretHash, createdAt, createdBy, lastUsedAt, expiresAt, revokedAt, surveyId, actorId})
 *   (:Survey {id, name, windowFrom, windowTo, rosterKinds, rosterIds, openedAt, openedBy, closesAt, closedAt})   issue 23
 *   (:Rating {surveyId, respondentId, partnerId, workedTogether, reliability, openness, sharedMission, influence, resources,
 *             involvement, submittedAt})          one answer; keyed by (surveyId, respondentId, partnerId); unanswered items absent
 *
 * Actors and interactions carry audit stamps (recordedBy, recordedAt, updatedBy, updatedAt);
 * a soft-deleted interaction keeps its node and relationships and gets deletedAt, deletedBy, deleteReason.
 *
 * `occurredAt` is a DATETIME in UTC with millisecond precision; absent optional values
 * (region, externalId, note) are absent properties, since Neo4j stores no nulls.
 */

/** The extra label each actor carries for its kind, so analysts can write `MATCH (s:School)`. */
export const ACTOR_KIND_LABELS: Readonly<Record<ActorKind, string>> = {
  FOUNDATION: 'Foundation',
  INTERMEDIARY: 'Intermediary',
  SCHOOL: 'School',
  SUPPORT_PARTNER: 'SupportPartner',
};

export const NODE_LABELS = [
  'Actor',
  'Interaction',
  'CopnetMeta',
  'ActorAlias',
  'AuditEntry',
  'ApiToken',
  'Survey',
  'Rating',
  ...Object.values(ACTOR_KIND_LABELS),
] as const;

export const RELATIONSHIP_TYPES = ['AFFILIATED_WITH', 'INITIATED', 'INVOLVED'] as const;

export const PROPERTY_KEYS = [
  'id',
  'name',
  'kind',
  'region',
  'tags',
  'externalId',
  'occurredAt',
  'weight',
  'note',
  'initiatorId',
  'participantIds',
  'position',
  'revision',
  'recordedBy',
  'recordedAt',
  'updatedBy',
  'updatedAt',
  'deletedAt',
  'deletedBy',
  'deleteReason',
  'lastSeq',
  'applied',
  'auditSeq',
  'targetId',
  'seq',
  'at',
  'by',
  'action',
  'subject',
  'subjectId',
  'relatedId',
  'before',
  'after',
  'reason',
  'identifier',
  'role',
  'secretHash',
  'createdAt',
  'createdBy',
  'lastUsedAt',
  'expiresAt',
  'revokedAt',
  // Surveys and ratings (issue 23), and the respondent tokens' bindings
  'surveyId',
  'actorId',
  'windowFrom',
  'windowTo',
  'rosterKinds',
  'rosterIds',
  'openedAt',
  'openedBy',
  'closesAt',
  'closedAt',
  'respondentId',
  'partnerId',
  'workedTogether',
  'reliability',
  'openness',
  'sharedMission',
  'influence',
  'resources',
  'involvement',
  'submittedAt',
] as const;
