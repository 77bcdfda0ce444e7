/**
 * Domain errors. Each carries what a client needs to fix its request; the GraphQL
 * layer maps them to `extensions.code` in one place (src/graphql/errors.ts).
 */

/** Input that breaks a domain rule. `field` is a path such as `interactions[2].weight`. */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`${field}: ${describeValue(value)} ${reason}`);
  }
}

/**
 * The end of an exhaustive `switch`: the compiler proves `value` is `never`, so this runs only
 * when a caller bypassed the types (a value from JSON, say).
 */
export class UnreachableCaseError extends Error {
  override readonly name = 'UnreachableCaseError';
  constructor(
    readonly value: never,
    what: string,
  ) {
    super(`Unknown ${what} ${describeValue(value)}`);
  }
}

/** The store could not be reached or refused us; the request may succeed later. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * A request asks for more work than the server allows (`limit`, in the unit of `actual`),
 * or its work ran past the time allowed; nothing of it is sent.
 */
export class WorkLimitError extends Error {
  override readonly name = 'WorkLimitError';
  constructor(
    message: string,
    readonly limit: number,
    readonly actual: number | null,
  ) {
    super(message);
  }
}

/** Renders a user-supplied value for an error message, short enough to read. */
export function describeValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  let text: string;
  try {
    text = JSON.stringify(value) ?? unserializable(value);
  } catch {
    text = unserializable(value);
  }
  return shortenText(text);
}

/** The most characters of client input an error message quotes. */
export const MAX_QUOTED_CHARS = 120;

/**
 * Client input as an error message quotes it: whole up to MAX_QUOTED_CHARS, else its
 * beginning and `...` (a 4 MB field name is not sent back). Every message that quotes what a
 * client sent goes through here.
 */
export function shortenText(text: string, max: number = MAX_QUOTED_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** What JSON cannot render: functions, symbols, big integers, cycles. */
function unserializable(value: unknown): string {
  if (typeof value === 'bigint' || typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return '(function)';
  return '(unprintable value)';
}
