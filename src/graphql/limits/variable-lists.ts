import { GraphQLError } from 'graphql';
import { shortenText } from '../../domain/errors';
import { ErrorCode } from '../errors';

/**
 * Most items any list in a request's variables may hold. The largest list a field takes is a
 * thousand (participants of one interaction); batches take 500. graphql-js coerces every item of
 * a variable before any resolver can refuse its length, so a 100,000-item list cost the HTTP
 * thread a third of a second per request: lists are measured here first, on the parsed JSON.
 */
export const MAX_VARIABLE_LIST_ITEMS = 2000;

/**
 * Most levels of lists and objects a variable's value may nest: copnet's deepest input sits 5 levels in
 * (`$input.interactions[0].participants[0].actorId`). Past it the value is refused before any step
 * that walks it by recursion (a cache key's JSON.stringify, graphql-js's coercion) could overflow
 * the stack: a 30 KB body nesting 5,000 lists did.
 */
export const MAX_VARIABLE_DEPTH = 32;

/**
 * Most values (strings, numbers, booleans, nulls) all of a request's variables may hold together.
 * Each is coerced, checked and written on the HTTP thread: 500 interactions of 380 participants each
 * (190,000 ids, under every per-list limit) held every other request up for 1.1 s. 500 actors with
 * 50 tags each, the largest upsert the other limits allow, hold about 28,500.
 */
export const MAX_VARIABLE_VALUES = 30_000;

/**
 * Refuses (BAD_USER_INPUT, naming the variable's path) the first list in `variables` longer than
 * `maxItems`, before any item is looked at, the first value nested deeper than `maxDepth`, and
 * variables holding more than `maxValues` values in all (naming the variable where the count passed it).
 * One pass over the parsed JSON, without recursion, bounded by the body limit.
 */
export function checkVariableLists(
  variables: unknown,
  maxItems: number = MAX_VARIABLE_LIST_ITEMS,
  maxDepth: number = MAX_VARIABLE_DEPTH,
  maxValues: number = MAX_VARIABLE_VALUES,
): void {
  let values = 0;
  if (typeof variables !== 'object' || variables === null) return;
  // Paths are spelt only for the refusal: a place is its parent's place and its key.
  const pending: Place[] = Object.entries(variables as Record<string, unknown>).map(([name, value]) => ({
    value,
    key: `$${name}`,
    parent: null,
    depth: 0,
  }));
  for (let place = pending.pop(); place !== undefined; place = pending.pop()) {
    const { value, depth } = place;
    if (depth > maxDepth) {
      const path = shortenText(pathOf(place));
      throw new GraphQLError(`${path}: the value nests lists and objects more than ${maxDepth} levels deep, the most a variable may`, {
        extensions: { code: ErrorCode.BAD_USER_INPUT, field: path, limit: maxDepth, actual: null },
      });
    }
    if (Array.isArray(value)) {
      if (value.length > maxItems) {
        const path = pathOf(place);
        throw new GraphQLError(
          `${path}: "${value.length.toLocaleString('en-US')} items" is over the most items a list in a request may hold, ` +
            `${maxItems.toLocaleString('en-US')}; import larger sets with copnet import`,
          { extensions: { code: ErrorCode.BAD_USER_INPUT, field: path, limit: maxItems, actual: value.length } },
        );
      }
      for (let i = 0; i < value.length; i += 1) pending.push({ value: value[i] as unknown, key: i, parent: place, depth: depth + 1 });
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value))
        pending.push({ value: (value as Record<string, unknown>)[key], key, parent: place, depth: depth + 1 });
    } else if (++values > maxValues) {
      let variable = place;
      while (variable.parent !== null) variable = variable.parent;
      const name = String(variable.key);
      throw new GraphQLError(
        `${name}: "more than ${maxValues.toLocaleString('en-US')} values" is over the most a request's variables may hold together; ` +
          'send several mutations, or import files with copnet import',
        { extensions: { code: ErrorCode.BAD_USER_INPUT, field: name, limit: maxValues, actual: null } },
      );
    }
  }
}

interface Place {
  readonly value: unknown;
  readonly key: string | number;
  readonly parent: Place | null;
  /** Lists and objects around the value within its variable (the variable itself: 0). */
  readonly depth: number;
}

function pathOf(place: Place): string {
  const keys: (string | number)[] = [];
  for (let at: Place | null = place; at !== null; at = at.parent) keys.push(at.key);
  return keys
    .reverse()
    .reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`), '');
}
