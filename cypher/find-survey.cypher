// Returns the survey with an id (one read on the unique index), if any.
MATCH (s:Survey {id: $id})
RETURN s.id AS id, s.name AS name, s.windowFrom AS windowFrom, s.windowTo AS windowTo, s.rosterKinds AS rosterKinds,
       s.rosterIds AS rosterIds, s.openedAt AS openedAt, s.openedBy AS openedBy, s.closesAt AS closesAt, s.closedAt AS closedAt
