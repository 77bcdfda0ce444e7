// Opens the recording of a batch of new interactions in one statement (three round trips were a tenth of a demo
// batch's time, issue 18): numbers and appends its INTERACTION_BATCH audit entry, bumps the store's revision, and
// returns the entry's seq for record-interactions to stamp on each interaction (auditSeq). $entry: a row as in
// append-audit-entries without seq. The counters are locked until the transaction ends, audit's before the store's,
// in the order every other write takes them (allocate-audit-seqs, then bump-revision).
MERGE (audit:CopnetMeta {id: 'audit'})
ON CREATE SET audit.lastSeq = 0
SET audit.lastSeq = audit.lastSeq + 1
WITH audit.lastSeq AS seq
CREATE (e:AuditEntry {seq: seq, at: datetime({epochMillis: toInteger($entry.at)}), by: $entry.by, action: $entry.action,
                      subject: $entry.subject, subjectId: $entry.subjectId})
SET e.relatedId = $entry.relatedId, e.before = $entry.before, e.after = $entry.after, e.reason = $entry.reason
WITH seq
MERGE (store:CopnetMeta {id: 'store'})
ON CREATE SET store.revision = 0
SET store.revision = store.revision + 1
RETURN seq
