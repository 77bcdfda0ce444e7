import { describe, expect, it } from 'vitest';
import {
  checkOpenSurvey,
  coverageTag,
  currentSchoolYear,
  openSurveyFieldOf,
  responseRateText,
  sortActors,
  storySurveyTable,
  tieTrust,
  trendPoints,
  trendTable,
  trustColour,
  trustOf,
  windowText,
  type ActorScores,
  type Response,
  type TrendSurvey,
} from './survey-data';

function actor(id: string, name: string, raters: number, trust: number | null, value: number | null): ActorScores {
  return { actor: { id, name, kind: 'SCHOOL' }, responded: raters > 0, raters, trustReceived: trust, valueReceived: value };
}

function response(from: string, to: string, worked: boolean, items: (number | null)[]): Response {
  const [reliability = null, openness = null, sharedMission = null, influence = null, resources = null, involvement = null] = items;
  return {
    respondent: { id: from },
    partner: { id: to },
    workedTogether: worked,
    reliability,
    openness,
    sharedMission,
    influence,
    resources,
    involvement,
  };
}

describe('survey figures in words', () => {
  it('states the response rate with counts and the coverage band', () => {
    expect(responseRateText({ responseRate: 9 / 20, respondentCount: 9, rosterSize: 20 })).toBe('45.0% (9 of 20)');
    expect(coverageTag('CAUTION')).toBe('(coverage: caution)');
    expect(coverageTag('HIGH')).toBe('(coverage: high coverage)');
    expect(windowText({ from: '2024-08-01T00:00:00.000Z', to: '2025-08-01T00:00:00.000Z' })).toBe('2024-08-01 – 2025-07-31');
  });
});

describe('the actors table', () => {
  const rows = [
    actor('c', 'Carver', 3, 3.5, 2),
    actor('a', 'Adams', 4, 2.25, 3.75),
    actor('b', 'Baker', 2, null, null),
    actor('d', 'Dunbar', 5, 3.5, 1.5),
  ];

  it('sorts by trust received, highest first, ties by name, no score last', () => {
    expect(sortActors(rows, 'trust', 'descending').map((r) => r.actor.id)).toEqual(['c', 'd', 'a', 'b']);
    expect(sortActors(rows, 'trust', 'ascending').map((r) => r.actor.id)).toEqual(['a', 'c', 'd', 'b']);
  });

  it('sorts by value received and by name', () => {
    expect(sortActors(rows, 'value', 'descending').map((r) => r.actor.id)).toEqual(['a', 'c', 'd', 'b']);
    expect(sortActors(rows, 'name', 'ascending').map((r) => r.actor.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(sortActors(rows, 'raters', 'descending').map((r) => r.actor.id)).toEqual(['d', 'a', 'c', 'b']);
  });
});

describe('trust of a rating and of a tie', () => {
  it('is the mean of the answered trust items, null when none or not worked together', () => {
    expect(trustOf(response('a', 'b', true, [4, 3, null]))).toBe(3.5);
    expect(trustOf(response('a', 'b', true, [null, null, null, 4]))).toBeNull();
    expect(trustOf(response('a', 'b', false, []))).toBeNull();
  });

  it('gives each logged roster tie both directions and their mean, highest first, unrated last', () => {
    const edges = [
      { source: 'b', target: 'a', interactions: 3 },
      { source: 'a', target: 'c', interactions: 1 },
      { source: 'c', target: 'd', interactions: 2 },
      { source: 'a', target: 'x', interactions: 9 }, // x is not on the roster
    ];
    const responses = [
      response('a', 'b', true, [4, 4, 4]),
      response('b', 'a', true, [2, 2, 3]),
      response('c', 'a', true, [4, 4, null]),
      response('d', 'c', false, []),
    ];
    expect(tieTrust(edges, responses, new Set(['a', 'b', 'c', 'd']))).toEqual([
      { a: 'a', b: 'c', interactions: 1, trustAB: null, trustBA: 4, mutual: 4 },
      { a: 'a', b: 'b', interactions: 3, trustAB: 4, trustBA: 7 / 3, mutual: (4 + 7 / 3) / 2 },
      { a: 'c', b: 'd', interactions: 2, trustAB: null, trustBA: null, mutual: null },
    ]);
  });

  it('colours a tie by its band of mutual trust, grey when unrated', () => {
    expect([trustColour(4), trustColour(3), trustColour(2.99), trustColour(2), trustColour(1.5), trustColour(null)]).toEqual([
      '#0072B2',
      '#0072B2',
      '#E69F00',
      '#E69F00',
      '#D55E00',
      '#C8C8C8',
    ]);
  });
});

describe('opening a survey', () => {
  it('defaults to the school year holding today', () => {
    expect(currentSchoolYear(new Date('2026-12-02T06:00:00Z'))).toEqual({ from: '2026-08-01', last: '2027-07-31' });
    expect(currentSchoolYear(new Date('2025-07-31T23:59:00Z'))).toEqual({ from: '2024-08-01', last: '2025-07-31' });
    expect(currentSchoolYear(new Date('2025-08-01T00:00:00Z'))).toEqual({ from: '2025-08-01', last: '2026-07-31' });
  });

  it('turns the last day into the half-open window end and the closing time into UTC', () => {
    expect(
      checkOpenSurvey({
        name: ' Partner survey 2024–25 ',
        from: '2024-08-01',
        last: '2025-07-31',
        rosterKinds: ['INTERMEDIARY', 'SCHOOL'],
        closesAt: '2025-06-30T17:00',
      }),
    ).toEqual({
      ok: true,
      input: {
        name: 'Partner survey 2024–25',
        window: { from: '2024-08-01T00:00:00.000Z', to: '2025-08-01T00:00:00.000Z' },
        rosterKinds: ['INTERMEDIARY', 'SCHOOL'],
        closesAt: '2025-06-30T17:00:00.000Z',
      },
    });
  });

  it('names each field it refuses', () => {
    expect(checkOpenSurvey({ name: ' ', from: '2025-08-01', last: '2025-07-31', rosterKinds: [], closesAt: 'soon' })).toEqual({
      ok: false,
      errors: {
        name: 'Give the survey a name, e.g. "Partner survey 2024–25".',
        window: 'The last day 2025-07-31 is before the first day 2025-08-01.',
        rosterKinds: 'Tick at least one kind of actor to send the survey to.',
        closesAt: 'soon is not a date and time.',
      },
    });
    const result = checkOpenSurvey({ name: 'x', from: '2025-02-30', last: '2025-07-31', rosterKinds: ['SCHOOL'], closesAt: '' });
    expect(result).toEqual({ ok: false, errors: { window: 'Give the first and the last day of the window (YYYY-MM-DD).' } });
  });

  it("maps the API's field paths to the form's fields", () => {
    expect(openSurveyFieldOf('input.window.to')).toBe('window');
    expect(openSurveyFieldOf('input.rosterKinds')).toBe('rosterKinds');
    expect(openSurveyFieldOf('input.closesAt')).toBe('closesAt');
    expect(openSurveyFieldOf('input.name')).toBe('name');
    expect(openSurveyFieldOf('id')).toBeNull();
    expect(openSurveyFieldOf(undefined)).toBeNull();
  });
});

describe('the trend across surveys', () => {
  const surveys: TrendSurvey[] = [
    {
      id: 's1',
      name: '2023–24',
      window: { from: '2023-08-01T00:00:00.000Z', to: '2024-08-01T00:00:00.000Z' },
      responseRate: 0.7,
      coverage: 'DIRECTIONAL',
      networkTrust: 2.5,
      networkValue: null,
    },
    {
      id: 's2',
      name: '2024–25',
      window: { from: '2024-08-01T00:00:00.000Z', to: '2025-08-01T00:00:00.000Z' },
      responseRate: 0.85,
      coverage: 'HIGH',
      networkTrust: 3.125,
      networkValue: 2.75,
    },
  ];

  it('has a table row per survey and a chart point per score', () => {
    expect(trendTable(surveys).rows).toEqual([
      ['2023–24', '2023-08-01 – 2024-07-31', '2.50', '—', '70.0%', 'directional'],
      ['2024–25', '2024-08-01 – 2025-07-31', '3.13', '2.75', '85.0%', 'high coverage'],
    ]);
    expect(trendPoints(surveys)).toEqual([
      { index: 0, label: '2023–24', measure: 'Network trust', value: 2.5 },
      { index: 1, label: '2024–25', measure: 'Network trust', value: 3.125 },
      { index: 1, label: '2024–25', measure: 'Network value', value: 2.75 },
    ]);
  });

  it('puts the centralization of the matching series window beside each survey in the Story', () => {
    const snapshots = [{ window: { from: '2024-08-01T00:00:00Z', to: '2025-08-01T00:00:00Z' }, betweennessCentralization: 0.41234 }];
    expect(storySurveyTable(surveys, snapshots).rows).toEqual([
      ['2023–24', '2023-08-01 – 2024-07-31', '2.50', '—', 'directional (70.0% responded)', '—'],
      ['2024–25', '2024-08-01 – 2025-07-31', '3.13', '2.75', 'high coverage (85.0% responded)', '0.412'],
    ]);
  });
});
