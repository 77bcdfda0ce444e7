// Returns the store's revision counter, 0 before the first write.
OPTIONAL MATCH (m:CopnetMeta {id: 'store'})
RETURN coalesce(m.revision, 0) AS revision
