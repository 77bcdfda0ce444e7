// Returns the names of the migrations this database has applied (schema migration files and one-time data migrations);
// an empty list for a new database or one written by a copnet that kept no record.
OPTIONAL MATCH (m:CopnetMeta {id: 'migrations'})
RETURN coalesce(m.applied, []) AS applied
