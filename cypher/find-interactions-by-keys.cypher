// Returns the stored interactions having one of the given externalIds or ids (one look-up for a batch being recorded:
// the planner seeks both unique indexes), deleted ones flagged. Rows as find-interactions-by-ids.
MATCH (i:Interaction)
WHERE i.externalId IN $externalIds OR i.id IN $ids
RETURN i.id AS id, i.externalId AS externalId, i.kind AS kind, toFloat(i.occurredAt.epochMillis) AS occurredAt,
       i.weight AS weight, i.note AS note, i.deletedAt IS NOT NULL AS deleted,
       i.initiatorId AS initiatorId, i.participantIds AS participants
