import { foldName } from '../../domain/actor-names';
import type { Author, Role, StoredToken } from '../../domain/access';
import type { Actor, ActorKind } from '../../domain/actor';
import type { AuditAction, AuditEntry, AuditRecord, AuditSubject, RecordStamp } from '../../domain/audit';
import type { Interaction, InteractionKind } from '../../domain/interaction';
import { fromAuditJson, toAuditJson } from '../audit-entries';

/**
 * Rows of the embedded store (schema.ts) and their domain values, both ways. Times are epoch
 * milliseconds; lists (tags, participants) and audit values are JSON text.
 */

export interface ActorRow {
  id: string;
  name: string;
  kind: string;
  region: string | null;
  tags: string;
  affiliation_id: string | null;
}

export interface InteractionRow {
  seq: number;
  id: string;
  external_id: string | null;
  kind: string;
  occurred_at: number;
  initiator_id: string;
  participant_ids: string;
  weight: number;
  note: string | null;
}

/** An interaction row with its soft-delete mark. */
export interface InteractionStateRow extends InteractionRow {
  deleted_at: number | null;
}

export interface AliasRow {
  alias_id: string;
  target_id: string;
}

export interface StampRow {
  id: string;
  recorded_by: string | null;
  recorded_at: number | null;
  updated_by: string | null;
  updated_at: number | null;
}

export interface AuditRow {
  seq: number;
  at: number;
  author: string;
  action: string;
  subject: string;
  subject_id: string;
  related_id: string | null;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
}

export interface TokenRow {
  identifier: string;
  name: string;
  role: string;
  secret_hash: string;
  created_at: number;
  created_by: string;
  last_used_at: number | null;
  expires_at: number | null;
  revoked_at: number | null;
  survey_id: string | null;
  actor_id: string | null;
}

/** The upsertActor parameters, bound by name. */
export interface ActorParams {
  readonly id: string;
  readonly name: string;
  readonly nameFolded: string;
  readonly kind: string;
  readonly region: string | null;
  readonly tags: string;
  readonly affiliationId: string | null;
  readonly by: string;
  readonly at: number;
}

/** insertInteraction's positional parameters, in column order. */
export type InteractionParams = [
  id: string,
  externalId: string | null,
  kind: string,
  occurredAt: number,
  initiatorId: string,
  participantIds: string,
  weight: number,
  note: string | null,
  by: string,
  at: number,
  auditSeq: number,
];

export type AuditParams = [
  at: number,
  by: string,
  action: string,
  subject: string,
  subjectId: string,
  relatedId: string | null,
  before: string | null,
  after: string | null,
  reason: string | null,
];

export type TokenParams = [
  identifier: string,
  name: string,
  role: string,
  secretHash: string,
  createdAt: number,
  createdBy: string,
  lastUsedAt: number | null,
  expiresAt: number | null,
  revokedAt: number | null,
  surveyId: string | null,
  actorId: string | null,
];

export function toActor(row: ActorRow): Actor {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ActorKind,
    region: row.region,
    tags: JSON.parse(row.tags) as string[],
    affiliationId: row.affiliation_id,
  };
}

export function actorParams(actor: Actor, author: Author): ActorParams {
  return {
    id: actor.id,
    name: actor.name,
    nameFolded: foldName(actor.name),
    kind: actor.kind,
    region: actor.region,
    tags: JSON.stringify(actor.tags),
    affiliationId: actor.affiliationId,
    by: author.by,
    at: author.at.getTime(),
  };
}

export function toInteraction(row: InteractionRow): Interaction {
  return {
    id: row.id,
    externalId: row.external_id,
    kind: row.kind as InteractionKind,
    occurredAt: new Date(row.occurred_at),
    initiatorId: row.initiator_id,
    participantIds: JSON.parse(row.participant_ids) as string[],
    weight: row.weight,
    note: row.note,
  };
}

/** insertInteraction's parameters; `by` and `at` (epoch ms) stamp the row as recorded. */
export function interactionParams(interaction: Interaction, by: string, at: number, auditSeq: number): InteractionParams {
  return [
    interaction.id,
    interaction.externalId,
    interaction.kind,
    interaction.occurredAt.getTime(),
    interaction.initiatorId,
    JSON.stringify(interaction.participantIds),
    interaction.weight,
    interaction.note,
    by,
    at,
    auditSeq,
  ];
}

export function toStamp(row: StampRow): RecordStamp {
  return {
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at === null ? null : new Date(row.recorded_at),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at === null ? null : new Date(row.updated_at),
  };
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: new Date(row.at),
    by: row.author,
    action: row.action as AuditAction,
    subject: row.subject as AuditSubject,
    subjectId: row.subject_id,
    relatedId: row.related_id,
    before: fromAuditJson(row.before_json),
    after: fromAuditJson(row.after_json),
    reason: row.reason,
  };
}

export function auditParams(record: AuditRecord): AuditParams {
  return [
    record.at.getTime(),
    record.by,
    record.action,
    record.subject,
    record.subjectId,
    record.relatedId,
    toAuditJson(record.before),
    toAuditJson(record.after),
    record.reason,
  ];
}

export function toToken(row: TokenRow): StoredToken {
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  return {
    identifier: row.identifier,
    name: row.name,
    role: row.role as Role,
    secretHash: row.secret_hash,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
    lastUsedAt: date(row.last_used_at),
    expiresAt: date(row.expires_at),
    revokedAt: date(row.revoked_at),
    surveyId: row.survey_id,
    actorId: row.actor_id,
  };
}

export function tokenParams(token: StoredToken): TokenParams {
  return [
    token.identifier,
    token.name,
    token.role,
    token.secretHash,
    token.createdAt.getTime(),
    token.createdBy,
    token.lastUsedAt?.getTime() ?? null,
    token.expiresAt?.getTime() ?? null,
    token.revokedAt?.getTime() ?? null,
    token.surveyId,
    token.actorId,
  ];
}
