// Migration 023: range index on Rating.partnerId, for moving ratings of a merged actor.
CREATE RANGE INDEX rating_partner_id IF NOT EXISTS
FOR (r:Rating) ON (r.partnerId)
