import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { InvalidInputError } from '../../domain/errors';
import { parseIsoDateTime } from '../../domain/date-time';

/**
 * Variables: a GraphQLError, which graphql-js reports with the variable path. Literals: a
 * plain Error, which graphql-js reports with the literal's location (see graphql/errors.ts).
 */
function parse(value: unknown, asError: (message: string) => Error): Date {
  try {
    return parseIsoDateTime(value, 'DateTime');
  } catch (error) {
    if (error instanceof InvalidInputError) throw asError(`${JSON.stringify(value)} ${error.reason}`);
    throw error;
  }
}

/** ISO 8601 date-time. Accepted with any offset (or a bare date, meaning midnight UTC); always returned in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An ISO 8601 date-time, e.g. `2019-02-12T09:00:00Z`. Input may carry any offset, or be a bare date (midnight UTC); output is always UTC with milliseconds.',
  serialize(value) {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new GraphQLError('DateTime cannot represent a non-date value');
    return value.toISOString();
  },
  parseValue: (value) => parse(value, (message) => new GraphQLError(message)),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime must be a string such as "2019-02-12T09:00:00Z"');
    return parse(ast.value, (message) => new TypeError(message));
  },
});
