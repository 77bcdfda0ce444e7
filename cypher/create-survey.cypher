// Stores a new survey with its whole roster (rosterIds, sorted by id). The caller has checked the id is free.
CREATE (s:Survey {id: $id, name: $name, windowFrom: $windowFrom, windowTo: $windowTo, rosterKinds: $rosterKinds, rosterIds: $rosterIds,
                  openedAt: $openedAt, openedBy: $openedBy})
SET s.closesAt = $closesAt, s.closedAt = $closedAt
