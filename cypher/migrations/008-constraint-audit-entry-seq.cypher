// Migration 008: audit entries are numbered once each; also the index that pages the log in order.
CREATE CONSTRAINT audit_entry_seq_unique IF NOT EXISTS
FOR (e:AuditEntry) REQUIRE e.seq IS UNIQUE
