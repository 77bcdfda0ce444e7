// Adds migration names to the record of those applied (names already there are not added twice).
MERGE (m:CopnetMeta {id: 'migrations'})
ON CREATE SET m.applied = []
SET m.applied = m.applied + [name IN $names WHERE NOT name IN m.applied]
