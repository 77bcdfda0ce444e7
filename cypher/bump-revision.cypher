// Moves the store's revision counter on by one; run inside every write transaction that changes data.
MERGE (m:CopnetMeta {id: 'store'})
ON CREATE SET m.revision = 0
SET m.revision = m.revision + 1
RETURN m.revision AS revision
