/**
 * The demo's calendar: the period it covers, school years (1 August – 31 July, as in the
 * metrics' SCHOOL_YEAR step), the school-year rhythm of activity and the Covid-19 period
 * in which gatherings moved online.
 */

/** First instant of the demo: 1 October 2018 (a Monday), UTC. */
export const DEMO_START = Date.UTC(2018, 9, 1);
/** End of the demo, excluded: 1 July 2025, UTC. */
export const DEMO_END = Date.UTC(2025, 6, 1);

/** In-person gatherings became virtual sessions from mid-March 2020 to the end of school year 2020–21. */
export const COVID_START = Date.UTC(2020, 2, 16);
export const COVID_END = Date.UTC(2021, 6, 1);

export const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;

/** 0 for school year 2018–19, 1 for 2019–20, … 6 for 2024–25. */
export function schoolYearIndex(at: number): number {
  const date = new Date(at);
  const year = date.getUTCFullYear();
  return (date.getUTCMonth() >= 7 ? year : year - 1) - 2018;
}

/** How busy a month is, relative to a typical school month: quiet summers, a winter break. */
const MONTH_ACTIVITY = [0.9, 1.1, 1.1, 1.0, 1.0, 0.55, 0.12, 0.35, 1.0, 1.2, 1.0, 0.6];

/** Activity factor for the week starting at `weekStart` (a Monday). */
export function rhythm(weekStart: number): number {
  const date = new Date(weekStart);
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  const winterBreak = (month === 11 && day >= 21) || (month === 0 && day <= 2);
  return winterBreak ? 0.2 : MONTH_ACTIVITY[month]!;
}

export function duringCovid(at: number): boolean {
  return at >= COVID_START && at < COVID_END;
}

/** School-level activity during Covid: a sharp drop in spring 2020, a partial one in 2020–21. */
export function covidDamping(at: number): number {
  if (at >= COVID_START && at < Date.UTC(2020, 6, 1)) return 0.55;
  if (at >= Date.UTC(2020, 6, 1) && at < COVID_END) return 0.85;
  return 1;
}
