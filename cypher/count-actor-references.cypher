// Counts what refers to an actor: live interactions it initiated or took part in (deleted ones go with it) and affiliated actors.
MATCH (a:Actor {id: $id})
RETURN COUNT { (a)-[:INITIATED|INVOLVED]-(i:Interaction) WHERE i.deletedAt IS NULL } AS interactions,
       COUNT { (a)<-[:AFFILIATED_WITH]-(:Actor) } AS affiliated
