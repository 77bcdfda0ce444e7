/**
 * The audit trail: one entry per change, append-only, with the values before and after
 * (JSON-ready plain objects; null where there is nothing, e.g. `before` of a creation).
 * Recorded interactions are the exception: one INTERACTION_BATCH entry per batch (an import's
 * transaction, one recordInteractions call) names who, when, the source and the ids created;
 * the interactions themselves carry the values and their recordedBy/At stamps (issue 18).
 */
export const AUDIT_ACTIONS = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'RESTORE',
  'MERGE',
  'TOKEN_CREATED',
  'TOKEN_REVOKED',
  'CLOSE',
  'SUBMIT',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** INTERACTION_BATCH: recorded interactions (issue 18); SURVEY: opened (CREATE) or closed (CLOSE); SURVEY_RESPONSE: a respondent's ratings replaced (SUBMIT). */
export const AUDIT_SUBJECTS = ['ACTOR', 'INTERACTION', 'INTERACTION_BATCH', 'TOKEN', 'SURVEY', 'SURVEY_RESPONSE'] as const;
export type AuditSubject = (typeof AUDIT_SUBJECTS)[number];

export interface AuditEntry {
  /** Position in the log: entries are numbered 1, 2, ... in the order they were written. */
  readonly seq: number;
  readonly at: Date;
  /** Token name or `jwt:<subject>`; `system` for writes without a request. */
  readonly by: string;
  readonly action: AuditAction;
  readonly subject: AuditSubject;
  /** The actor, interaction or survey id, the token name, or an INTERACTION_BATCH's source (BATCH_SOURCE_UNNAMED when none was given). */
  readonly subjectId: string;
  /** For MERGE: the actor the subject was merged into; for SUBMIT: the respondent. */
  readonly relatedId: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason: string | null;
}

/** What a store writes; it numbers entries itself. */
export type AuditRecord = Omit<AuditEntry, 'seq'>;

export interface AuditFilter {
  /** Entries about this actor (also as the target of a merge). */
  readonly actorId?: string | null;
  /** Entries about this interaction, and the INTERACTION_BATCH entry that recorded it (while it is stored). */
  readonly interactionId?: string | null;
  readonly by?: string | null;
  /** Included lower bound of `at`. */
  readonly from?: Date | null;
  /** Excluded upper bound of `at`. */
  readonly to?: Date | null;
}

export type AuditCursor = { readonly seq: number };

/**
 * The order audit entries are listed in: as written (the default, for tools that follow the log),
 * or newest first (for a person reading what happened lately).
 */
export const AUDIT_ORDERS = ['OLDEST_FIRST', 'NEWEST_FIRST'] as const;
export type AuditOrder = (typeof AUDIT_ORDERS)[number];
export const DEFAULT_AUDIT_ORDER: AuditOrder = 'OLDEST_FIRST';

/** Who recorded and who last changed an actor or interaction. */
export interface RecordStamp {
  /** null for rows written before copnet kept an audit trail. */
  readonly recordedBy: string | null;
  readonly recordedAt: Date | null;
  readonly updatedBy: string | null;
  readonly updatedAt: Date | null;
}

/** The subjectId of an INTERACTION_BATCH entry whose writer named no source. */
export const BATCH_SOURCE_UNNAMED = 'unnamed';

/** The `after` of an INTERACTION_BATCH entry: what the batch created (interactions already stored are not listed). */
export interface InteractionBatchRecord {
  /** The import's file, `api` for the GraphQL mutation, null when the writer named none. */
  readonly source: string | null;
  readonly count: number;
  /** In the order given. */
  readonly interactionIds: readonly string[];
}
