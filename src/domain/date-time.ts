import { InvalidInputError } from './errors';

/**
 * ISO 8601 date-time as accepted on input: a calendar date, optionally followed by a
 * time with optional seconds and fraction, and an offset (Z or ±hh:mm). A date alone
 * means midnight UTC. Out-of-range parts (month 13, 25:00) are rejected, not rolled over.
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The instants copnet accepts: years 1900 to 9999, UTC. */
export const EARLIEST_INSTANT = Date.UTC(1900, 0, 1);
export const LATEST_INSTANT = Date.UTC(10000, 0, 1) - 1;

/** Throws InvalidInputError naming `field` when `date` is outside years 1900–9999 (UTC). */
export function checkInstant(date: Date, field: string, value: unknown = date): Date {
  const t = date.getTime();
  if (!(t >= EARLIEST_INSTANT && t <= LATEST_INSTANT)) {
    throw new InvalidInputError(field, value, 'is outside the years copnet accepts, 1900 to 9999 (UTC)');
  }
  return date;
}

/**
 * Why an interaction cannot occur at this instant (already within checkInstant's years), or null: not
 * at LATEST_INSTANT itself, since a window ends before its `to`, which can be no later, so no
 * window, series or export could ever hold it.
 */
export function occurrenceProblem(date: Date): string | null {
  return date.getTime() === LATEST_INSTANT
    ? 'is the last instant copnet accepts: no window could hold it (windows end before their to)'
    : null;
}

export function parseIsoDateTime(value: unknown, field: string): Date {
  if (typeof value !== 'string') throw new InvalidInputError(field, value, 'is not an ISO 8601 date-time string');
  // Spaces and tabs around it are forgiven (a spreadsheet's cell); not String.trim's wider set, which let a byte
  // order mark, an ideographic space or a line break through unseen.
  const text = trimSpacesAndTabs(value);
  const match = ISO_DATE_TIME.exec(text);
  if (!match) throw new InvalidInputError(field, value, 'is not an ISO 8601 date-time (e.g. 2019-02-12T09:00:00Z)');
  const [, y, mo, d, h = '00', mi = '00', s = '00', , zone] = match;
  const hasTime = match[4] !== undefined;
  if (hasTime && zone === undefined) {
    throw new InvalidInputError(field, value, 'has a time but no offset; add Z for UTC or ±hh:mm');
  }
  const year = Number(y),
    month = Number(mo),
    day = Number(d),
    hour = Number(h),
    minute = Number(mi),
    second = Number(s);
  const daysInMonth = daysIn(year, month);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    throw new InvalidInputError(field, value, 'is not a real calendar date-time');
  }
  const parsed = new Date(text.replace(' ', 'T') + (hasTime ? '' : 'T00:00:00Z'));
  if (Number.isNaN(parsed.getTime())) throw new InvalidInputError(field, value, 'is not a valid date-time');
  return checkInstant(parsed, field, value);
}

/** `value` without the spaces and tabs at its ends (a loop: a regex anchored at the end backtracks quadratically). */
function trimSpacesAndTabs(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && (value[start] === ' ' || value[start] === '\t')) start += 1;
  while (end > start && (value[end - 1] === ' ' || value[end - 1] === '\t')) end -= 1;
  return value.slice(start, end);
}

/** Days in a month of the proleptic Gregorian calendar (no Date.UTC: it reads years 0–99 as 1900–1999). */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
