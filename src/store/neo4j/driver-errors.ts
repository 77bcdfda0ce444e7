import { Neo4jError } from 'neo4j-driver';
import { StoreUnavailableError } from '../../domain/errors';
import { redactUri } from './redact-uri';

export { redactUri };

/**
 * The one place that turns Neo4j driver failures into copnet's errors. A Neo4j that cannot
 * be reached, refuses the credentials, or lacks the configured database becomes a
 * StoreUnavailableError whose message names the setting to fix (NEO4J_URI, NEO4J_USER /
 * NEO4J_PASSWORD, NEO4J_DATABASE) and the URI, never the password. Anything else (a bug in
 * a statement, a constraint violation, our own InvalidInputError) passes through unchanged.
 */

export interface Neo4jTarget {
  readonly uri: string;
  readonly user: string;
  readonly database: string;
}

const UNREACHABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'ProtocolError',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

const CREDENTIAL_CODES = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Security.CredentialsExpired',
  'Neo.ClientError.Security.TokenExpired',
]);

const DATABASE_CODES = new Set(['Neo.ClientError.Database.DatabaseNotFound']);

const PERMISSION_CODES = new Set(['Neo.ClientError.Security.Forbidden', 'Neo.ClientError.Security.AuthorizationExpired']);

/** Returns the error to throw in place of `error`. */
export function translateNeo4jError(error: unknown, target: Neo4jTarget): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const where = `Neo4j at NEO4J_URI=${redactUri(target.uri)}`;
  const reason = error.message;
  if (UNREACHABLE_CODES.has(error.code)) {
    return new StoreUnavailableError(`Cannot reach ${where}: ${reason}`, { cause: error });
  }
  if (CREDENTIAL_CODES.has(error.code)) {
    return new StoreUnavailableError(
      `${where} refused the credentials of NEO4J_USER=${target.user} (check NEO4J_USER and NEO4J_PASSWORD): ${reason}`,
      { cause: error },
    );
  }
  if (DATABASE_CODES.has(error.code)) {
    return new StoreUnavailableError(`${where} has no database NEO4J_DATABASE=${target.database}: ${reason}`, { cause: error });
  }
  if (PERMISSION_CODES.has(error.code)) {
    return new StoreUnavailableError(`${where} does not allow NEO4J_USER=${target.user} this operation: ${reason}`, { cause: error });
  }
  return error;
}

/**
 * At start-up every driver failure means the store cannot be used: one not classified above
 * (e.g. "Server responded HTTP" when NEO4J_URI points at the browser port) still becomes a
 * StoreUnavailableError naming NEO4J_URI. Non-driver errors pass through.
 */
export function translateStartupError(error: unknown, target: Neo4jTarget): unknown {
  const translated = translateNeo4jError(error, target);
  if (translated instanceof Neo4jError) {
    return new StoreUnavailableError(`Cannot use Neo4j at NEO4J_URI=${redactUri(target.uri)}: ${translated.message}`, { cause: error });
  }
  return translated;
}
