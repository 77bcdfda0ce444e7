import { STORED_ROLES, type StoredToken } from '../../domain/access';
import { AUDIT_ACTIONS, AUDIT_SUBJECTS, type AuditEntry, type AuditRecord, type RecordStamp } from '../../domain/audit';
import { fromAuditJson, toAuditJson } from '../audit-entries';
import { fromNeo4jDateTime, nodeName, toMember, toNullableString, toSafeNumber, toStringValue, type RowLike } from './conversions';

/** Conversions for the audit stamps, the audit log and API tokens (see conversions.ts for the rules). */

function nullableDate(value: unknown, what: string): Date | null {
  return value === null || value === undefined ? null : fromNeo4jDateTime(value, what);
}

export function stampFromRow(row: RowLike): RecordStamp {
  const what = `(${toStringValue(row.get('id'), 'id')})`;
  return {
    recordedBy: toNullableString(row.get('recordedBy'), `${what}.recordedBy`),
    recordedAt: nullableDate(row.get('recordedAt'), `${what}.recordedAt`),
    updatedBy: toNullableString(row.get('updatedBy'), `${what}.updatedBy`),
    updatedAt: nullableDate(row.get('updatedAt'), `${what}.updatedAt`),
  };
}

/** An audit record as an append-audit-entries row, numbered `seq`; `at` in epoch ms (made a DATETIME in Cypher). */
export function auditToRow(record: AuditRecord, seq: number): Record<string, unknown> {
  return { seq, ...auditToUnnumberedRow(record) };
}

/** The row without its seq, for open-interaction-batch, which numbers the entry itself. */
export function auditToUnnumberedRow(record: AuditRecord): Record<string, unknown> {
  return {
    at: record.at.getTime(),
    by: record.by,
    action: record.action,
    subject: record.subject,
    subjectId: record.subjectId,
    relatedId: record.relatedId,
    before: toAuditJson(record.before),
    after: toAuditJson(record.after),
    reason: record.reason,
  };
}

export function auditFromRow(row: RowLike): AuditEntry {
  const seq = toSafeNumber(row.get('seq'), '(:AuditEntry).seq');
  const what = nodeName('AuditEntry', 'seq', seq);
  const json = (key: string): unknown => fromAuditJson(toNullableString(row.get(key), `${what}.${key}`));
  return {
    seq,
    at: fromNeo4jDateTime(row.get('at'), `${what}.at`),
    by: toStringValue(row.get('by'), `${what}.by`),
    action: toMember(row.get('action'), AUDIT_ACTIONS, `${what}.action`, 'an audit action'),
    subject: toMember(row.get('subject'), AUDIT_SUBJECTS, `${what}.subject`, 'an audit subject'),
    subjectId: toStringValue(row.get('subjectId'), `${what}.subjectId`),
    relatedId: toNullableString(row.get('relatedId'), `${what}.relatedId`),
    before: json('before'),
    after: json('after'),
    reason: toNullableString(row.get('reason'), `${what}.reason`),
  };
}

export function tokenFromRow(row: RowLike): StoredToken {
  const identifier = toStringValue(row.get('identifier'), '(:ApiToken).identifier');
  const what = nodeName('ApiToken', 'identifier', identifier);
  return {
    identifier,
    name: toStringValue(row.get('name'), `${what}.name`),
    role: toMember(row.get('role'), STORED_ROLES, `${what}.role`, 'a role'),
    secretHash: toStringValue(row.get('secretHash'), `${what}.secretHash`),
    createdAt: fromNeo4jDateTime(row.get('createdAt'), `${what}.createdAt`),
    createdBy: toStringValue(row.get('createdBy'), `${what}.createdBy`),
    lastUsedAt: nullableDate(row.get('lastUsedAt'), `${what}.lastUsedAt`),
    expiresAt: nullableDate(row.get('expiresAt'), `${what}.expiresAt`),
    revokedAt: nullableDate(row.get('revokedAt'), `${what}.revokedAt`),
    surveyId: toNullableString(row.get('surveyId'), `${what}.surveyId`),
    actorId: toNullableString(row.get('actorId'), `${what}.actorId`),
  };
}
