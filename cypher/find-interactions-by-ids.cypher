// Returns the interactions with the given ids (unknown ids are simply absent), deleted ones flagged.
// The actors come from the node's initiatorId and participantIds (in order), copies of its relationships kept for reading.
UNWIND $ids AS id
MATCH (i:Interaction {id: id})
RETURN i.id AS id, i.externalId AS externalId, i.kind AS kind, toFloat(i.occurredAt.epochMillis) AS occurredAt,
       i.weight AS weight, i.note AS note, i.deletedAt IS NOT NULL AS deleted,
       i.initiatorId AS initiatorId, i.participantIds AS participants
