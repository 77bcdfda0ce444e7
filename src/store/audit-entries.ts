import { tokenRecord, type Author, type StoredToken } from '../domain/access';
import type { Actor } from '../domain/actor';
import { BATCH_SOURCE_UNNAMED, type AuditAction, type AuditRecord, type AuditSubject, type InteractionBatchRecord } from '../domain/audit';
import { interactionRecord } from '../domain/correction';
import type { Interaction } from '../domain/interaction';
import { ratingRecord, surveyRecord, type Rating, type Survey } from '../domain/survey';
import { mergedTarget } from './merge-rules';

/**
 * The audit entries both adapters write, built in one place so that SQLite and Neo4j log the
 * same values for the same change; the adapters only store them.
 */

interface Change {
  readonly before?: unknown;
  readonly after?: unknown;
  readonly relatedId?: string | null;
  readonly reason?: string | null;
}

function entry(author: Author, action: AuditAction, subject: AuditSubject, subjectId: string, change: Change): AuditRecord {
  return {
    at: author.at,
    by: author.by,
    action,
    subject,
    subjectId,
    relatedId: change.relatedId ?? null,
    before: change.before ?? null,
    after: change.after ?? null,
    reason: change.reason ?? null,
  };
}

/** An actor created (no `previous`) or changed by an upsert. */
export function actorWritten(actor: Actor, previous: Actor | null, author: Author): AuditRecord {
  return entry(author, previous ? 'UPDATE' : 'CREATE', 'ACTOR', actor.id, { before: previous, after: actor });
}

/** `droppedInteractionIds`: deleted interactions of the actor that went with it. */
export function actorDeleted(actor: Actor, author: Author, droppedInteractionIds: readonly string[] = []): AuditRecord {
  return entry(author, 'DELETE', 'ACTOR', actor.id, {
    before: actor,
    ...(droppedInteractionIds.length > 0 ? { after: { droppedDeletedInteractionIds: [...droppedInteractionIds].sort() } } : {}),
  });
}

/** A merge: both actors before, the target after, and what moved to it. */
export function actorsMerged(
  source: Actor,
  target: Actor,
  moved: {
    readonly interactionIds: readonly string[];
    readonly affiliatedActorIds: readonly string[];
    /** Deleted interactions between the two only, dropped by the merge. */
    readonly droppedInteractionIds?: readonly string[];
  },
  author: Author,
): AuditRecord {
  const dropped = moved.droppedInteractionIds ?? [];
  return entry(author, 'MERGE', 'ACTOR', source.id, {
    relatedId: target.id,
    before: { source, target },
    after: {
      target: mergedTarget(source, target),
      movedInteractionIds: [...moved.interactionIds],
      movedAffiliatedActorIds: moved.affiliatedActorIds.filter((id) => id !== target.id).sort(),
      ...(dropped.length > 0 ? { droppedDeletedInteractionIds: [...dropped].sort() } : {}),
    },
  });
}

/**
 * One entry for the interactions a batch created (issue 18): who, when, the source and the ids, not each
 * interaction's values, which the interaction keeps (with its recordedBy/At stamps) until a correction logs them.
 */
export function interactionsRecorded(ids: readonly string[], source: string | null, author: Author): AuditRecord {
  const after: InteractionBatchRecord = { source, count: ids.length, interactionIds: [...ids] };
  return entry(author, 'CREATE', 'INTERACTION_BATCH', source ?? BATCH_SOURCE_UNNAMED, { after });
}

export function interactionUpdated(before: Interaction, after: Interaction, author: Author): AuditRecord {
  return entry(author, 'UPDATE', 'INTERACTION', before.id, { before: interactionRecord(before), after: interactionRecord(after) });
}

export function interactionDeleted(interaction: Interaction, reason: string, author: Author): AuditRecord {
  return entry(author, 'DELETE', 'INTERACTION', interaction.id, { before: interactionRecord(interaction), reason });
}

export function interactionRestored(interaction: Interaction, author: Author): AuditRecord {
  return entry(author, 'RESTORE', 'INTERACTION', interaction.id, { after: interactionRecord(interaction) });
}

export function tokenCreated(token: StoredToken, author: Author): AuditRecord {
  return entry(author, 'TOKEN_CREATED', 'TOKEN', token.name, { after: tokenRecord(token) });
}

export function tokenRevoked(token: StoredToken, revoked: StoredToken, author: Author): AuditRecord {
  return entry(author, 'TOKEN_REVOKED', 'TOKEN', token.name, { before: tokenRecord(token), after: tokenRecord(revoked) });
}

export function surveyCreated(survey: Survey, author: Author): AuditRecord {
  return entry(author, 'CREATE', 'SURVEY', survey.id, { after: surveyRecord(survey) });
}

export function surveyClosed(before: Survey, after: Survey, author: Author): AuditRecord {
  return entry(author, 'CLOSE', 'SURVEY', before.id, { before: surveyRecord(before), after: surveyRecord(after) });
}

/** A respondent's ratings replaced: the earlier ones (null on a first submission) and the new ones. */
export function ratingsReplaced(
  surveyId: string,
  respondentId: string,
  before: readonly Rating[],
  after: readonly Rating[],
  author: Author,
): AuditRecord {
  return entry(author, 'SUBMIT', 'SURVEY_RESPONSE', surveyId, {
    relatedId: respondentId,
    before: before.length > 0 ? { ratings: before.map(ratingRecord) } : null,
    after: { ratings: after.map(ratingRecord) },
  });
}

/** `before` or `after` as both stores keep it: JSON text, or null where there is nothing. */
export function toAuditJson(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}

export function fromAuditJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}
