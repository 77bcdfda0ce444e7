import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, formatState, parseState, scopeOf, seriesOf } from './url-state';

describe('scope ↔ URL state', () => {
  it('reads the defaults from an empty query string and writes them back as nothing', () => {
    expect(parseState('')).toEqual(DEFAULT_STATE);
    expect(formatState(DEFAULT_STATE)).toBe('');
  });

  it('round-trips every setting', () => {
    const search =
      '?view=map&step=QUARTER&from=2019-01-01&to=2021-01-01&windowSize=2&expanding=true&actorKinds=INTERMEDIARY,SCHOOL&interactionKinds=GRANT,PEER_EXCHANGE&coParticipationLimit=0&window=2019-04-01&actor=nsi-baltimore&survey=3f2a-survey&colourBy=community&sizeBy=betweenness';
    const state = parseState(search);
    expect(state).toEqual({
      view: 'map',
      step: 'QUARTER',
      from: '2019-01-01',
      to: '2021-01-01',
      windowSize: 2,
      expanding: true,
      actorKinds: ['INTERMEDIARY', 'SCHOOL'],
      interactionKinds: ['GRANT', 'PEER_EXCHANGE'],
      coParticipationLimit: 0,
      window: '2019-04-01',
      actor: 'nsi-baltimore',
      survey: '3f2a-survey',
      colourBy: 'community',
      sizeBy: 'betweenness',
    });
    expect(formatState(state)).toBe(search.replace(/,/g, '%2C'));
    expect(parseState(formatState(state))).toEqual(state);
  });

  it('falls back to defaults for values it does not know, and keeps kinds in a fixed order', () => {
    const state = parseState(
      '?view=nope&step=DAY&from=2020-13-45&windowSize=0&actorKinds=SCHOOL,ALIEN,FOUNDATION&coParticipationLimit=101',
    );
    expect(state.view).toBe('story');
    expect(state.step).toBe('SCHOOL_YEAR');
    expect(state.from).toBe('2018-08-01');
    expect(state.windowSize).toBe(1);
    expect(state.actorKinds).toEqual(['FOUNDATION', 'SCHOOL']);
    expect(state.coParticipationLimit).toBeNull();
  });

  it('opens the Surveys view on one survey, and the respondent form', () => {
    expect(parseState('?view=surveys&survey=abc')).toMatchObject({ view: 'surveys', survey: 'abc' });
    expect(formatState({ ...DEFAULT_STATE, view: 'surveys', survey: 'abc' })).toBe('?view=surveys&survey=abc');
    expect(parseState('?view=form')).toMatchObject({ view: 'form', survey: null });
    expect(parseState('?view=surveys&survey=').survey).toBeNull();
  });

  it('rejects a range that ends before it starts', () => {
    const state = parseState('?from=2022-01-01&to=2020-01-01');
    expect([state.from, state.to]).toEqual(['2018-08-01', '2025-08-01']);
  });

  it('turns the state into the API inputs', () => {
    expect(scopeOf(DEFAULT_STATE)).toBeNull();
    expect(scopeOf(parseState('?actorKinds=SCHOOL&coParticipationLimit=3'))).toEqual({ actorKinds: ['SCHOOL'], coParticipationLimit: 3 });
    expect(seriesOf(DEFAULT_STATE)).toEqual({ from: '2018-08-01', to: '2025-08-01', step: 'SCHOOL_YEAR', windowSize: 1, expanding: false });
  });
});
