import { addSteps, MAX_SERIES_WINDOWS, seriesWindows, type SeriesInput } from '../../src/metrics/series';

const d = (iso: string) => new Date(iso);
const iso = (t: Date) => t.toISOString().slice(0, 10);
function plain(input: SeriesInput): [string, string, string][] {
  return seriesWindows(input).map((w) => [iso(w.from), iso(w.to), w.label]);
}

describe('series windows', () => {
  it('monthly windows, one step each, labelled by month', () => {
    expect(plain({ from: d('2019-08-01'), to: d('2019-11-01'), step: 'MONTH' })).toEqual([
      ['2019-08-01', '2019-09-01', '2019-08'],
      ['2019-09-01', '2019-10-01', '2019-09'],
      ['2019-10-01', '2019-11-01', '2019-10'],
    ]);
  });

  it('clips the last window at `to` and labels it by days', () => {
    expect(plain({ from: d('2019-08-01'), to: d('2019-09-15'), step: 'MONTH' })).toEqual([
      ['2019-08-01', '2019-09-01', '2019-08'],
      ['2019-09-01', '2019-09-15', '2019-09-01 to 2019-09-14'],
    ]);
  });

  it('month steps from 31 January clamp to the month end and do not drift', () => {
    expect(plain({ from: d('2020-01-31'), to: d('2020-05-01'), step: 'MONTH' })).toEqual([
      ['2020-01-31', '2020-02-29', '2020-01-31 to 2020-02-28'],
      ['2020-02-29', '2020-03-31', '2020-02-29 to 2020-03-30'],
      ['2020-03-31', '2020-04-30', '2020-03-31 to 2020-04-29'],
      ['2020-04-30', '2020-05-01', '2020-04-30'],
    ]);
    expect(addSteps(d('2019-01-31T09:30:00Z'), 'MONTH', 1).toISOString()).toBe('2019-02-28T09:30:00.000Z');
    expect(addSteps(d('2019-01-31T00:00:00Z'), 'QUARTER', 1).toISOString()).toBe('2019-04-30T00:00:00.000Z');
  });

  it('rolling windows of several steps', () => {
    expect(plain({ from: d('2019-01-01'), to: d('2020-01-01'), step: 'QUARTER', windowSize: 2 })).toEqual([
      ['2019-01-01', '2019-07-01', '2019-Q1 to 2019-Q2'],
      ['2019-04-01', '2019-10-01', '2019-Q2 to 2019-Q3'],
      ['2019-07-01', '2020-01-01', '2019-Q3 to 2019-Q4'],
      ['2019-10-01', '2020-01-01', '2019-Q4'],
    ]);
  });

  it('expanding windows all start at `from`', () => {
    expect(plain({ from: d('2018-08-01'), to: d('2021-08-01'), step: 'SCHOOL_YEAR', expanding: true })).toEqual([
      ['2018-08-01', '2019-08-01', '2018–19'],
      ['2018-08-01', '2020-08-01', '2018–19 to 2019–20'],
      ['2018-08-01', '2021-08-01', '2018–19 to 2020–21'],
    ]);
  });

  it('school years run 1 August to 31 July; years are calendar years', () => {
    expect(plain({ from: d('2099-08-01'), to: d('2101-08-01'), step: 'SCHOOL_YEAR' }).map((w) => w[2])).toEqual(['2099–00', '2100–01']);
    expect(plain({ from: d('2019-01-01'), to: d('2021-01-01'), step: 'YEAR' }).map((w) => w[2])).toEqual(['2019', '2020']);
    expect(plain({ from: d('2019-08-01'), to: d('2020-08-01'), step: 'YEAR' }).map((w) => w[2])).toEqual(['2019-08-01 to 2020-07-31']);
  });

  it('weeks are 7 days, labelled by ISO week when they start on Monday', () => {
    expect(plain({ from: d('2019-12-23'), to: d('2020-01-13'), step: 'WEEK' })).toEqual([
      ['2019-12-23', '2019-12-30', '2019-W52'],
      ['2019-12-30', '2020-01-06', '2020-W01'],
      ['2020-01-06', '2020-01-13', '2020-W02'],
    ]);
    expect(plain({ from: d('2019-08-07'), to: d('2019-08-14'), step: 'WEEK' })).toEqual([
      ['2019-08-07', '2019-08-14', '2019-08-07 to 2019-08-13'],
    ]);
  });

  it('allows 520 windows and refuses 521', () => {
    const from = d('2015-01-05');
    expect(seriesWindows({ from, to: addSteps(from, 'WEEK', MAX_SERIES_WINDOWS), step: 'WEEK' })).toHaveLength(520);
    expect(() => seriesWindows({ from, to: addSteps(from, 'WEEK', MAX_SERIES_WINDOWS + 1), step: 'WEEK' })).toThrow(
      'series: {"from":"2015-01-05T00:00:00.000Z","to":"2024-12-30T00:00:00.000Z","step":"WEEK"} makes more than 520 windows; use a longer step or a shorter range',
    );
    expect(() => seriesWindows({ from: d('1900-01-01'), to: d('9999-01-01'), step: 'WEEK' })).toThrow(/more than 520 windows/);
  });

  it('rejects from not before to, naming series.from', () => {
    expect(() => seriesWindows({ from: d('2020-01-01'), to: d('2020-01-01'), step: 'MONTH' })).toThrow(
      'series.from: 2020-01-01T00:00:00.000Z must be before series.to (2020-01-01T00:00:00.000Z)',
    );
    expect(() => seriesWindows({ from: d('2021-01-01'), to: d('2020-01-01'), step: 'MONTH' })).toThrow(/^series\.from: /);
  });

  it('rejects an unknown step and a bad window size', () => {
    expect(() => seriesWindows({ from: d('2020-01-01'), to: d('2021-01-01'), step: 'DECADE' as never })).toThrow(
      'series.step: "DECADE" is not one of WEEK, MONTH, QUARTER, SCHOOL_YEAR, YEAR',
    );
    expect(() => seriesWindows({ from: d('2020-01-01'), to: d('2021-01-01'), step: 'MONTH', windowSize: 0 })).toThrow(
      'series.windowSize: 0 must be a whole number from 1 to 520',
    );
  });
});
