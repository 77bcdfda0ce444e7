// Migration 006: a token's public identifier names one token; also the index behind every authentication.
CREATE CONSTRAINT api_token_identifier_unique IF NOT EXISTS
FOR (t:ApiToken) REQUIRE t.identifier IS UNIQUE
