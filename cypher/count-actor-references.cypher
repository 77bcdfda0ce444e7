// Counts what refers to an actor: interactions it initiated or took part in (deleted ones too) and affiliated actors.
MATCH (a:Actor {id: $id})
RETURN COUNT { (a)-[:INITIATED|INVOLVED]-(:Interaction) } AS interactions,
       COUNT { (a)<-[:AFFILIATED_WITH]-(:Actor) } AS affiliated
