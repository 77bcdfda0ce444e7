// A merge: the source actor's ratings as respondent become the target's; where the target has rated that partner in that survey
// already, the target's rating is kept and the source's deleted.
MATCH (r:Rating {respondentId: $sourceId})
OPTIONAL MATCH (kept:Rating {surveyId: r.surveyId, respondentId: $targetId, partnerId: r.partnerId})
WITH r, count(kept) AS clashes
FOREACH (_ IN CASE WHEN clashes = 0 THEN [1] ELSE [] END | SET r.respondentId = $targetId)
FOREACH (_ IN CASE WHEN clashes = 0 THEN [] ELSE [1] END | DELETE r)
