// TEST SUPPORT ONLY: counts nodes carrying no copnet label, so the contract suite refuses to wipe an unrelated database.
MATCH (n)
WHERE NOT (n:Actor OR n:Interaction OR n:CopnetMeta OR n:ActorAlias OR n:AuditEntry OR n:ApiToken)
RETURN count(n) AS count
