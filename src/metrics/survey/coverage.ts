/** How far a survey's figures can be read, from its response rate (README, "Surveys"). */
export const COVERAGES = ['HIGH', 'DIRECTIONAL', 'CAUTION'] as const;
export type Coverage = (typeof COVERAGES)[number];

/** Response rates at or above these are HIGH and DIRECTIONAL; below the second, CAUTION (as survey-based network studies use). */
export const HIGH_COVERAGE_RATE = 0.8;
export const DIRECTIONAL_COVERAGE_RATE = 0.65;

/** responseRate = respondentCount / rosterSize (0 for an empty roster, which openSurvey refuses anyway). */
export function responseRateOf(respondentCount: number, rosterSize: number): number {
  return rosterSize === 0 ? 0 : respondentCount / rosterSize;
}

/** HIGH when responseRate ≥ 0.8, DIRECTIONAL when ≥ 0.65, CAUTION below. */
export function coverageOf(responseRate: number): Coverage {
  if (responseRate >= HIGH_COVERAGE_RATE) return 'HIGH';
  if (responseRate >= DIRECTIONAL_COVERAGE_RATE) return 'DIRECTIONAL';
  return 'CAUTION';
}
