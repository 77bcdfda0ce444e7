// Replaces surveys' rosters (a merge moved an actor). Rows: {id, rosterIds}.
UNWIND $surveys AS row
MATCH (s:Survey {id: row.id})
SET s.rosterIds = row.rosterIds
