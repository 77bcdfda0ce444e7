import { InvalidInputError } from '../../../src/domain/errors';
import { validateRatings, type RatingInput } from '../../../src/domain/rating-rules';

const ROSTER = new Set(['ana', 'ben', 'cal']);
const full = (partnerId: string): RatingInput => ({
  partnerId,
  workedTogether: true,
  reliability: 4,
  openness: 3,
  sharedMission: 2,
  influence: 1,
  resources: 4,
  involvement: 3,
});

function refusal(inputs: RatingInput[]): { field: string; value: unknown; message: string } {
  try {
    validateRatings(inputs, 'ana', ROSTER);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return { field: error.field, value: error.value, message: error.message };
  }
  throw new Error('accepted');
}

describe('validateRatings', () => {
  it('keeps a valid submission, unanswered items as null', () => {
    expect(validateRatings([full('ben'), { partnerId: 'cal', workedTogether: false }], 'ana', ROSTER)).toEqual([
      { partnerId: 'ben', workedTogether: true, reliability: 4, openness: 3, sharedMission: 2, influence: 1, resources: 4, involvement: 3 },
      {
        partnerId: 'cal',
        workedTogether: false,
        reliability: null,
        openness: null,
        sharedMission: null,
        influence: null,
        resources: null,
        involvement: null,
      },
    ]);
    expect(validateRatings([{ partnerId: 'ben', workedTogether: true, openness: null }], 'ana', ROSTER)[0]).toMatchObject({
      reliability: null,
      openness: null,
    });
  });

  it.each([0, 5, 2.5, -1, Number.NaN])('refuses the item value %p naming the item', (value) => {
    expect(refusal([full('cal'), { ...full('ben'), reliability: value }])).toEqual({
      field: 'ratings[1].reliability',
      value,
      message: `ratings[1].reliability: ${String(value)} must be a whole number from 1 to 4, or null (not answered)`,
    });
  });

  it('refuses items when they did not work together', () => {
    expect(refusal([{ partnerId: 'ben', workedTogether: false, involvement: 2 }])).toMatchObject({
      field: 'ratings[0].involvement',
      message: 'ratings[0].involvement: 2 is only answered when workedTogether is true',
    });
  });

  it('refuses a partner twice, off the roster, or the respondent itself', () => {
    expect(refusal([full('ben'), full('cal'), full('ben')]).message).toBe(
      'ratings[2].partnerId: "ben" is rated twice in this submission (also ratings[0])',
    );
    expect(refusal([full('zed')]).message).toBe('ratings[0].partnerId: "zed" is not on the survey\'s roster');
    expect(refusal([full('ben'), full('ana')]).message).toBe('ratings[1].partnerId: "ana" is the respondent itself');
    expect(refusal([{ ...full('ben'), partnerId: 'b\u0000n' }]).field).toBe('ratings[0].partnerId');
  });
});
