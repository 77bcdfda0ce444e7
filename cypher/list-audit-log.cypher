// Returns one page of audit entries matching the filter, in the order written, after the cursor $afterSeq.
// A null filter value means "no condition"; $actorId matches the subject actor and the target of a merge, $interactionId the
// interaction's own entries and the INTERACTION_BATCH entry that recorded it (its node's auditSeq).
OPTIONAL MATCH (recorded:Interaction {id: $interactionId})
WITH recorded.auditSeq AS batchSeq
MATCH (e:AuditEntry)
WHERE ($afterSeq IS NULL OR e.seq > $afterSeq)
  AND ($actorId IS NULL OR (e.subject = 'ACTOR' AND e.subjectId = $actorId) OR e.relatedId = $actorId)
  AND ($interactionId IS NULL OR (e.subject = 'INTERACTION' AND e.subjectId = $interactionId) OR e.seq = batchSeq)
  AND ($by IS NULL OR e.by = $by)
  AND ($fromInclusive IS NULL OR e.at >= $fromInclusive)
  AND ($toExclusive IS NULL OR e.at < $toExclusive)
RETURN e.seq AS seq, e.at AS at, e.by AS by, e.action AS action, e.subject AS subject, e.subjectId AS subjectId,
       e.relatedId AS relatedId, e.before AS before, e.after AS after, e.reason AS reason
ORDER BY e.seq
LIMIT $limit
