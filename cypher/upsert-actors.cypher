// Creates or replaces actors matched by id: their properties and exactly one kind label.
// Rows: {id, name, kind, region, tags}; a null region removes the property. Affiliations are set by set-affiliations.
// New actors are stamped as recorded by $by at $at, existing ones as updated.
UNWIND $actors AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.recordedBy = $by, a.recordedAt = $at
ON MATCH SET a.updatedBy = $by, a.updatedAt = $at
SET a.name = row.name, a.kind = row.kind, a.region = row.region, a.tags = row.tags
REMOVE a:Foundation:Intermediary:School:SupportPartner
FOREACH (_ IN CASE WHEN row.kind = 'FOUNDATION' THEN [1] ELSE [] END | SET a:Foundation)
FOREACH (_ IN CASE WHEN row.kind = 'INTERMEDIARY' THEN [1] ELSE [] END | SET a:Intermediary)
FOREACH (_ IN CASE WHEN row.kind = 'SCHOOL' THEN [1] ELSE [] END | SET a:School)
FOREACH (_ IN CASE WHEN row.kind = 'SUPPORT_PARTNER' THEN [1] ELSE [] END | SET a:SupportPartner)
