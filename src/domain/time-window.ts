import { checkInstant } from './date-time';
import { InvalidInputError } from './errors';

/** A half-open time interval [from, to): `from` included, `to` excluded. */
export interface TimeWindow {
  readonly from: Date;
  readonly to: Date;
}

export function validateWindow(window: TimeWindow, field = 'window'): TimeWindow {
  if (Number.isNaN(window.from.getTime())) throw new InvalidInputError(`${field}.from`, window.from, 'is not a valid date-time');
  if (Number.isNaN(window.to.getTime())) throw new InvalidInputError(`${field}.to`, window.to, 'is not a valid date-time');
  checkInstant(window.from, `${field}.from`);
  checkInstant(window.to, `${field}.to`);
  if (window.from.getTime() >= window.to.getTime()) {
    throw new InvalidInputError(`${field}.from`, window.from, `must be before ${field}.to (${window.to.toISOString()})`);
  }
  return window;
}

export function windowContains(window: TimeWindow, instant: Date): boolean {
  const t = instant.getTime();
  return t >= window.from.getTime() && t < window.to.getTime();
}

/** The span a non-empty list of windows covers: from the earliest start to the latest end. */
export function spanOfWindows(windows: readonly TimeWindow[]): TimeWindow {
  return {
    from: new Date(Math.min(...windows.map((w) => w.from.getTime()))),
    to: new Date(Math.max(...windows.map((w) => w.to.getTime()))),
  };
}
