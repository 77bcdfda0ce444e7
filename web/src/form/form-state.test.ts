import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { RespondentFormFieldsFragment } from '../generated/graphql';
import {
  addableRoster,
  addPartner,
  answersFromForm,
  interactionsText,
  progressText,
  refusal,
  ratingInputs,
  removePartner,
  setItem,
  setWorked,
} from './form-state';

const form: RespondentFormFieldsFragment = {
  survey: {
    id: 's1',
    name: 'Partner survey 2024–25',
    window: { from: '2024-08-01T00:00:00.000Z', to: '2025-08-01T00:00:00.000Z' },
    closesAt: null,
    closedAt: null,
    isOpen: true,
  },
  actor: { id: 'nsi-a', name: 'NSI A' },
  partners: [
    { actor: { id: 'sch-1', name: 'School One' }, interactions: 12, rating: null },
    {
      actor: { id: 'sch-2', name: 'School Two' },
      interactions: 1,
      rating: { workedTogether: true, reliability: 4, openness: null, sharedMission: 3, influence: 2, resources: null, involvement: 1 },
    },
    {
      actor: { id: 'sch-9', name: 'School Nine' },
      interactions: 0,
      rating: {
        workedTogether: false,
        reliability: null,
        openness: null,
        sharedMission: null,
        influence: null,
        resources: null,
        involvement: null,
      },
    },
  ],
  roster: [
    { id: 'fdn', name: 'Foundation' },
    { id: 'sch-1', name: 'School One' },
    { id: 'sch-2', name: 'School Two' },
    { id: 'sch-3', name: 'School Three' },
    { id: 'sch-9', name: 'School Nine' },
  ],
  submittedAt: '2025-05-01T10:00:00.000Z',
};

const none = { reliability: null, openness: null, sharedMission: null, influence: null, resources: null, involvement: null };

describe('the respondent form', () => {
  it('pre-fills the partners in the API order with their saved answers', () => {
    const answers = answersFromForm(form);
    expect(answers).toEqual([
      { partnerId: 'sch-1', name: 'School One', interactions: 12, worked: null, items: none },
      {
        partnerId: 'sch-2',
        name: 'School Two',
        interactions: 1,
        worked: true,
        items: { reliability: 4, openness: null, sharedMission: 3, influence: 2, resources: null, involvement: 1 },
      },
      { partnerId: 'sch-9', name: 'School Nine', interactions: 0, worked: false, items: none },
    ]);
    expect(answers.map(interactionsText)).toEqual(['12 interactions logged', '1 interaction logged', 'no interactions logged']);
    expect(progressText(answers)).toBe('2 of 3 partners answered');
  });

  it('saves only answered partners, and items only when they worked together', () => {
    let answers = answersFromForm(form);
    answers = setWorked(answers, 'sch-1', true);
    answers = setItem(answers, 'sch-1', 'openness', 3);
    answers = setItem(answers, 'sch-2', 'reliability', null);
    answers = setWorked(answers, 'sch-2', false);
    expect(ratingInputs(answers)).toEqual([
      { partnerId: 'sch-1', workedTogether: true, ...none, openness: 3 },
      { partnerId: 'sch-2', workedTogether: false, ...none },
      { partnerId: 'sch-9', workedTogether: false, ...none },
    ]);
    // Answering "yes" again brings back what was chosen before "no".
    expect(setWorked(answers, 'sch-2', true).find((a) => a.partnerId === 'sch-2')!.items).toEqual({
      ...none,
      sharedMission: 3,
      influence: 2,
      involvement: 1,
    });
  });

  it('adds a partner from the roster once, and offers only roster actors not yet listed', () => {
    const answers = answersFromForm(form);
    expect(addableRoster(form.roster, answers, '').map((a) => a.id)).toEqual(['fdn', 'sch-3']);
    expect(addableRoster(form.roster, answers, '  three ').map((a) => a.id)).toEqual(['sch-3']);
    const added = addPartner(answers, { id: 'sch-3', name: 'School Three' });
    expect(added).toHaveLength(4);
    expect(added[3]).toEqual({ partnerId: 'sch-3', name: 'School Three', interactions: null, worked: true, items: none });
    expect(interactionsText(added[3]!)).toBe('added by you');
    expect(addPartner(added, { id: 'sch-3', name: 'School Three' })).toHaveLength(4);
    expect(addableRoster(form.roster, added, '').map((a) => a.id)).toEqual(['fdn']);
    expect(removePartner(added, 'sch-3')).toEqual(answers);
  });
});

describe("the form's refusals", () => {
  const api = (message: string, code: string, status = 200) => new ApiError(message, [{ message, extensions: { code } }], status);

  it('tells a closed survey, a refused token and a token of another kind apart', () => {
    expect(refusal(api('Survey s1 is closed', 'FORBIDDEN'))).toBe(
      'This survey is closed: answers can no longer be given or changed. Thank you.',
    );
    expect(refusal(api('The token is not valid', 'UNAUTHENTICATED', 401))).toBe(
      'This link is not valid (it may be incomplete or have been withdrawn). Ask whoever sent it for a new one.',
    );
    expect(refusal(api('myForm needs the respondent role', 'FORBIDDEN'))).toBe(
      'This link does not open a survey form. Ask whoever sent it for your survey link.',
    );
    expect(refusal(new Error('offline'))).toBe('The form could not be loaded: offline');
  });
});
