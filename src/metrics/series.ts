import { InvalidInputError, UnreachableCaseError } from '../domain/errors';
import { validateWindow, type TimeWindow } from '../domain/time-window';

/**
 * Steps of a series, UTC calendar units: WEEK = 7 days, MONTH, QUARTER = 3 months,
 * SCHOOL_YEAR = 12 months (a school year runs 1 August – 31 July: start the series on
 * 1 August to get school years), YEAR = 12 months.
 */
export const STEPS = ['WEEK', 'MONTH', 'QUARTER', 'SCHOOL_YEAR', 'YEAR'] as const;
export type Step = (typeof STEPS)[number];

/** The most windows one series may have. */
export const MAX_SERIES_WINDOWS = 520;

export interface SeriesInput {
  readonly from: Date;
  readonly to: Date;
  readonly step: Step;
  /** Steps each window covers; default 1. */
  readonly windowSize?: number | null;
  /** When true every window starts at `from` (cumulative); default false. */
  readonly expanding?: boolean | null;
}

/** One window of a series, with a label a person reads ("2019-08", "2019–20", ...). */
export interface SeriesWindow extends TimeWindow {
  readonly label: string;
}

const DAY_MS = 86_400_000;
const MONTHS: Record<Exclude<Step, 'WEEK'>, number> = { MONTH: 1, QUARTER: 3, SCHOOL_YEAR: 12, YEAR: 12 };

/**
 * `from` plus k steps. Calendar steps keep the day of month and the time of day, clamped
 * to the target month's last day: 31 January + 1 month = 28 (29) February, + 2 months =
 * 31 March (always counted from `from`, never step by step, so nothing drifts).
 */
export function addSteps(from: Date, step: Step, k: number): Date {
  if (step === 'WEEK') return new Date(from.getTime() + k * 7 * DAY_MS);
  const months = from.getUTCMonth() + k * MONTHS[step];
  const year = from.getUTCFullYear() + Math.floor(months / 12);
  const month = ((months % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const timeOfDay = from.getTime() - Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  return new Date(Date.UTC(year, month, Math.min(from.getUTCDate(), lastDay)) + timeOfDay);
}

/**
 * The windows of a series. Window k starts at from + k steps (k = 0, 1, ... while the
 * start is before `to`) and ends windowSize steps after its start, clipped at `to`; when
 * `expanding`, every window starts at `from` instead (same ends). Windows are half-open
 * [from, to) like every window.
 *
 * Labels: a window that starts and ends on boundaries of its step's calendar unit is named
 * by units: WEEK "2019-W32" (ISO week), MONTH "2019-08", QUARTER "2019-Q3" (calendar
 * quarter), SCHOOL_YEAR "2019–20" (1 Aug 2019 – 31 Jul 2020), YEAR "2019"; a window of
 * several units "2019-08 to 2019-10". Any other window (an unaligned `from`, a last window
 * clipped at `to`) is named by its first and last days, "2019-08-15 to 2019-09-14".
 *
 * Throws InvalidInputError naming `series.from` when from is not before to,
 * `series.step` / `series.windowSize` for bad values, and `series` when the series would
 * have more than MAX_SERIES_WINDOWS (520) windows.
 */
export function seriesWindows(input: SeriesInput, field = 'series'): SeriesWindow[] {
  if (!(input.from instanceof Date)) throw new InvalidInputError(`${field}.from`, input.from, 'is not a date-time');
  if (!(input.to instanceof Date)) throw new InvalidInputError(`${field}.to`, input.to, 'is not a date-time');
  validateWindow({ from: input.from, to: input.to }, field);
  const step = input.step;
  if (!(STEPS as readonly string[]).includes(step)) {
    throw new InvalidInputError(`${field}.step`, step, `is not one of ${STEPS.join(', ')}`);
  }
  const size = checkWindowSize(input.windowSize ?? 1, `${field}.windowSize`);
  const expanding = input.expanding ?? false;
  const to = input.to.getTime();
  const windows: SeriesWindow[] = [];
  for (let k = 0; addSteps(input.from, step, k).getTime() < to; k++) {
    if (k === MAX_SERIES_WINDOWS) {
      throw new InvalidInputError(
        field,
        { from: input.from.toISOString(), to: input.to.toISOString(), step },
        `makes more than ${MAX_SERIES_WINDOWS} windows; use a longer step or a shorter range`,
      );
    }
    const start = expanding ? input.from : addSteps(input.from, step, k);
    const end = new Date(Math.min(to, addSteps(input.from, step, k + size).getTime()));
    windows.push({ from: start, to: end, label: windowLabel(start, end, step) });
  }
  return windows;
}

/** A window size in steps, a whole number from 1 to MAX_SERIES_WINDOWS; the error names `field` and shows `given`. */
export function checkWindowSize(size: number, field: string, given: unknown = size): number {
  if (!Number.isInteger(size) || size < 1 || size > MAX_SERIES_WINDOWS) {
    throw new InvalidInputError(field, given, `must be a whole number from 1 to ${MAX_SERIES_WINDOWS}`);
  }
  return size;
}

/** The label of [start, end) for a series of this step (see seriesWindows). */
export function windowLabel(start: Date, end: Date, step: Step): string {
  if (isBoundary(start, step) && isBoundary(end, step)) {
    const last = addSteps(end, step, -1);
    return last.getTime() <= start.getTime() ? unitLabel(start, step) : `${unitLabel(start, step)} to ${unitLabel(last, step)}`;
  }
  const first = isoDate(start);
  const lastDay = isoDate(new Date(end.getTime() - 1));
  return first === lastDay ? first : `${first} to ${lastDay}`;
}

function isBoundary(t: Date, step: Step): boolean {
  if (t.getTime() % DAY_MS !== 0) return false;
  const day = t.getUTCDate();
  const month = t.getUTCMonth();
  switch (step) {
    case 'WEEK':
      return t.getUTCDay() === 1;
    case 'MONTH':
      return day === 1;
    case 'QUARTER':
      return day === 1 && month % 3 === 0;
    case 'SCHOOL_YEAR':
      return day === 1 && month === 7;
    case 'YEAR':
      return day === 1 && month === 0;
    default:
      throw new UnreachableCaseError(step, 'step');
  }
}

function unitLabel(t: Date, step: Step): string {
  const year = t.getUTCFullYear();
  switch (step) {
    case 'WEEK': {
      const { isoYear, week } = isoWeek(t);
      return `${isoYear}-W${String(week).padStart(2, '0')}`;
    }
    case 'MONTH':
      return `${year}-${String(t.getUTCMonth() + 1).padStart(2, '0')}`;
    case 'QUARTER':
      return `${year}-Q${Math.floor(t.getUTCMonth() / 3) + 1}`;
    case 'SCHOOL_YEAR':
      return `${year}–${String((year + 1) % 100).padStart(2, '0')}`;
    case 'YEAR':
      return String(year);
    default:
      throw new UnreachableCaseError(step, 'step');
  }
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
function isoWeek(t: Date): { isoYear: number; week: number } {
  const day = Math.floor(t.getTime() / DAY_MS);
  const weekday = (t.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date((day - weekday + 3) * DAY_MS);
  const isoYear = thursday.getUTCFullYear();
  const yearStart = Date.UTC(isoYear, 0, 1) / DAY_MS;
  return { isoYear, week: Math.floor((thursday.getTime() / DAY_MS - yearStart) / 7) + 1 };
}

function isoDate(t: Date): string {
  return t.toISOString().slice(0, 10);
}
