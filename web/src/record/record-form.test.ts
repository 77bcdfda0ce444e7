import { describe, expect, it } from 'vitest';
import { checkForm, errorsByField, formFieldOf, type FormValues } from './record-form';

const filled: FormValues = {
  kind: 'PEER_EXCHANGE',
  date: '2019-10-15',
  time: '',
  initiatorId: 'nsi-a',
  participantIds: ['nsi-b', 'school-1'],
  weight: '',
  note: '  Shared a coaching protocol ',
};

describe('record form validation', () => {
  it('turns a filled form into the API input, 09:00 UTC by default', () => {
    expect(checkForm(filled)).toEqual({
      ok: true,
      input: {
        kind: 'PEER_EXCHANGE',
        occurredAt: '2019-10-15T09:00:00Z',
        initiatorId: 'nsi-a',
        participantIds: ['nsi-b', 'school-1'],
        note: 'Shared a coaching protocol',
      },
    });
    expect(checkForm({ ...filled, time: '14:30', weight: '2.5', note: '' })).toEqual({
      ok: true,
      input: {
        kind: 'PEER_EXCHANGE',
        occurredAt: '2019-10-15T14:30:00Z',
        initiatorId: 'nsi-a',
        participantIds: ['nsi-b', 'school-1'],
        weight: 2.5,
      },
    });
  });

  it('says what is missing or wrong, field by field', () => {
    expect(checkForm({ ...filled, kind: '', date: '15/10/2019', initiatorId: '', participantIds: [], weight: '-1' })).toEqual({
      ok: false,
      errors: {
        kind: 'Choose the kind of interaction.',
        occurredAt: 'Give the date it happened (YYYY-MM-DD).',
        initiatorId: 'Choose who convened, reached out or visited.',
        participantIds: 'Add at least one other participant.',
        weight: '-1 is not a positive number.',
      },
    });
    expect(checkForm({ ...filled, participantIds: ['nsi-a'], weight: 'abc' })).toEqual({
      ok: false,
      errors: { participantIds: 'The initiator is not also a participant.', weight: 'abc is not a positive number.' },
    });
  });

  it('maps the API field path of a BAD_USER_INPUT error to the form field', () => {
    expect(formFieldOf('interactions[0].weight')).toBe('weight');
    expect(formFieldOf('interactions[0].participantIds[1]')).toBe('participantIds');
    expect(formFieldOf('input.occurredAt')).toBe('occurredAt');
    expect(formFieldOf('interactions')).toBeNull();
    expect(formFieldOf(undefined)).toBeNull();
    expect(
      errorsByField([
        {
          message: 'interactions[0].initiatorId: "x" is not a known actor',
          extensions: { code: 'BAD_USER_INPUT', field: 'interactions[0].initiatorId' },
        },
        { message: 'The data store is unavailable', extensions: { code: 'STORE_UNAVAILABLE' } },
      ]),
    ).toEqual({
      fields: { initiatorId: 'interactions[0].initiatorId: "x" is not a known actor' },
      other: ['The data store is unavailable'],
    });
  });
});
