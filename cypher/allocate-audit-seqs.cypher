// Reserves $count audit-log positions and returns the last one; the caller numbers its entries up to it.
// The counter node is locked until the transaction ends, so concurrent writers get disjoint ranges.
MERGE (m:CopnetMeta {id: 'audit'})
ON CREATE SET m.lastSeq = 0
SET m.lastSeq = m.lastSeq + $count
RETURN m.lastSeq AS lastSeq
