import { InvalidInputError } from './errors';
import { normalizeText } from './text-rules';

/**
 * Refuses a filter's text condition given as an empty text (or spaces only): the stores take an
 * absent condition for "everything", and so took `actorId: ""`, so a client that meant to narrow
 * its query got every row. Leave a condition out (or send null) to match everything.
 */
export function refuseBlankConditions<F extends object>(filter: F, names: readonly (keyof F & string)[], field = 'filter'): void {
  for (const name of names) {
    const value: unknown = filter[name];
    if (typeof value === 'string' && value.trim() === '') {
      throw new InvalidInputError(`${field}.${name}`, value, 'is empty; leave the condition out to match everything');
    }
  }
}

/** The filter with its text conditions in NFC, as every stored text is (text-rules.ts): `e` + U+0301 finds `é`. */
export function normalizedFilter<F extends object>(filter: F, names: readonly (keyof F & string)[]): F {
  const normalized = { ...filter } as Record<string, unknown>;
  for (const name of names) {
    const value = normalized[name];
    if (typeof value === 'string') normalized[name] = normalizeText(value);
  }
  return normalized as F;
}
