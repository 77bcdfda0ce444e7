import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { describeValue } from '../../domain/errors';
import { ErrorCode } from '../errors';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Refuses (BAD_USER_INPUT, naming the field) an `extensions.persistedQuery` that Apollo's automatic
 * persisted queries would refuse with an error of no code (answered INTERNAL_SERVER_ERROR): not an
 * object, a version other than 1, a hash that is not 64 lowercase hex digits, or, with the query
 * sent beside it, not the query's SHA-256. A falsy value is ignored, as Apollo ignores it.
 */
export function checkPersistedQuery(extensions: unknown, query: unknown): void {
  if (typeof extensions !== 'object' || extensions === null) return;
  const persisted: unknown = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (!persisted) return;
  if (typeof persisted !== 'object' || Array.isArray(persisted)) {
    throw refusal('extensions.persistedQuery', `${describeValue(persisted)} is not an object with version and sha256Hash`);
  }
  const { version, sha256Hash } = persisted as { version?: unknown; sha256Hash?: unknown };
  if (version !== 1) throw refusal('extensions.persistedQuery.version', `${describeValue(version)} is not supported; the version is 1`);
  if (typeof sha256Hash !== 'string' || !SHA256_HEX.test(sha256Hash)) {
    throw refusal('extensions.persistedQuery.sha256Hash', `${describeValue(sha256Hash)} is not a SHA-256 hash (64 lowercase hex digits)`);
  }
  if (typeof query === 'string' && createHash('sha256').update(query).digest('hex') !== sha256Hash) {
    throw refusal('extensions.persistedQuery.sha256Hash', `${describeValue(sha256Hash)} is not the SHA-256 of the query sent with it`);
  }
}

function refusal(field: string, problem: string): GraphQLError {
  return new GraphQLError(`${field}: ${problem}`, { extensions: { code: ErrorCode.BAD_USER_INPUT, field } });
}
