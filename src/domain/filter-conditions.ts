import { InvalidInputError } from './errors';

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
