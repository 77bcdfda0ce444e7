// Removes the INITIATED and INVOLVED relationships of interactions whose actors are about to be written again.
UNWIND $ids AS id
MATCH (i:Interaction {id: id})-[r:INITIATED|INVOLVED]-(:Actor)
DELETE r
