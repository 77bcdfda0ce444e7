// Closes one survey by hand: sets closedAt.
MATCH (s:Survey {id: $id})
SET s.closedAt = $at
