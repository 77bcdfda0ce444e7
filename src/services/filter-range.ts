import { InvalidInputError } from '../domain/errors';
import type { InteractionFilter } from '../store/store';

/** A filter's optional [from, to) must not be empty when both ends are given. */
export function validateFilterRange(filter: InteractionFilter, field = 'filter'): void {
  if (filter.from && filter.to && filter.from.getTime() >= filter.to.getTime()) {
    throw new InvalidInputError(`${field}.from`, filter.from, `must be before ${field}.to (${filter.to.toISOString()})`);
  }
}
