// Appends audit entries (nothing in copnet updates or deletes them). Rows: {seq, at (epoch ms; numbers, cheaper to send), by, action,
// subject, subjectId, relatedId, before, after (JSON text), reason}; nulls set no property.
UNWIND $entries AS row
CREATE (e:AuditEntry {seq: toInteger(row.seq), at: datetime({epochMillis: toInteger(row.at)}), by: row.by, action: row.action, subject: row.subject, subjectId: row.subjectId})
SET e.relatedId = row.relatedId, e.before = row.before, e.after = row.after, e.reason = row.reason
