// Returns every survey, by the start of its window, then id.
MATCH (s:Survey)
RETURN s.id AS id, s.name AS name, s.windowFrom AS windowFrom, s.windowTo AS windowTo, s.rosterKinds AS rosterKinds,
       s.rosterIds AS rosterIds, s.openedAt AS openedAt, s.openedBy AS openedBy, s.closesAt AS closesAt, s.closedAt AS closedAt
ORDER BY s.windowFrom, s.id
