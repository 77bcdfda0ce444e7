// TEST SUPPORT ONLY (the adapter never runs it): deletes every node and relationship, for the Neo4j contract suite.
MATCH (n)
DETACH DELETE n
