// Migration 022: range index on Rating.respondentId, for moving a merged actor's ratings.
CREATE RANGE INDEX rating_respondent_id IF NOT EXISTS
FOR (r:Rating) ON (r.respondentId)
