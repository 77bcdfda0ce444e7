// Migration 009: range index on AuditEntry.subjectId, for the log of one actor or interaction.
CREATE RANGE INDEX audit_entry_subject_id IF NOT EXISTS
FOR (e:AuditEntry) ON (e.subjectId)
