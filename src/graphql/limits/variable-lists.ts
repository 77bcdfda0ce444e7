import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';

/**
 * Most items any list in a request's variables may hold. The largest list a field takes is a
 * thousand (participants of one interaction); batches take 500. graphql-js coerces every item of
 * a variable before any resolver can refuse its length, so a 100,000-item list cost the HTTP
 * thread a third of a second per request: lists are measured here first, on the parsed JSON.
 */
export const MAX_VARIABLE_LIST_ITEMS = 2000;

/**
 * Refuses (BAD_USER_INPUT, naming the variable's path) the first list in `variables` longer than
 * `maxItems`, before any item is looked at. One pass over the parsed JSON, bounded by the body limit.
 */
export function checkVariableLists(variables: unknown, maxItems: number = MAX_VARIABLE_LIST_ITEMS): void {
  if (typeof variables !== 'object' || variables === null) return;
  // Paths are spelt only for the refusal: a place is its parent's place and its key.
  const pending: Place[] = Object.entries(variables as Record<string, unknown>).map(([name, value]) => ({
    value,
    key: `$${name}`,
    parent: null,
  }));
  for (let place = pending.pop(); place !== undefined; place = pending.pop()) {
    const { value } = place;
    if (Array.isArray(value)) {
      if (value.length > maxItems) {
        const path = pathOf(place);
        throw new GraphQLError(
          `${path}: "${value.length.toLocaleString('en-US')} items" is over the most items a list in a request may hold, ` +
            `${maxItems.toLocaleString('en-US')}; import larger sets with copnet import`,
          { extensions: { code: ErrorCode.BAD_USER_INPUT, field: path, limit: maxItems, actual: value.length } },
        );
      }
      for (let i = 0; i < value.length; i += 1) pending.push({ value: value[i] as unknown, key: i, parent: place });
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) pending.push({ value: (value as Record<string, unknown>)[key], key, parent: place });
    }
  }
}

interface Place {
  readonly value: unknown;
  readonly key: string | number;
  readonly parent: Place | null;
}

function pathOf(place: Place): string {
  const keys: (string | number)[] = [];
  for (let at: Place | null = place; at !== null; at = at.parent) keys.push(at.key);
  return keys
    .reverse()
    .reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`), '');
}
