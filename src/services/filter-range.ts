import { validateWindow } from '../domain/time-window';
import type { InteractionFilter } from '../store/store';

/** A filter's optional [from, to) must not be empty when both ends are given: the window rule. */
export function validateFilterRange(filter: InteractionFilter, field = 'filter'): void {
  if (filter.from && filter.to) validateWindow({ from: filter.from, to: filter.to }, field);
}
