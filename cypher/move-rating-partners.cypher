// A merge: ratings of the source actor as partner become ratings of the target; where the respondent has rated the target in that
// survey already, that rating is kept and the one of the source deleted.
MATCH (r:Rating {partnerId: $sourceId})
OPTIONAL MATCH (kept:Rating {surveyId: r.surveyId, respondentId: r.respondentId, partnerId: $targetId})
WITH r, count(kept) AS clashes
FOREACH (_ IN CASE WHEN clashes = 0 THEN [1] ELSE [] END | SET r.partnerId = $targetId)
FOREACH (_ IN CASE WHEN clashes = 0 THEN [] ELSE [1] END | DELETE r)
