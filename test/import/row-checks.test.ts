import { checkActorRow } from '../../src/import/actor-row';
import { validateInteractionInput } from '../../src/domain/interaction';
import { checkInteractionRow, interactionOf } from '../../src/import/interaction-row';
import { parseIsoDateTime } from '../../src/domain/date-time';

const known = new Set(['bmgf', 'nsi-a', 'nsi-b', 'school-1']);
const whyUnknown = (id: string) => (known.has(id) ? null : 'is not a known actor (not in the store)');

const good = {
  externalId: 'e1',
  kind: 'SITE_VISIT',
  occurredAt: '2019-02-12T09:00:00Z',
  initiatorId: 'nsi-a',
  participantIds: 'nsi-b;school-1',
  weight: '2.5',
  note: '  kept as written ',
};

describe('checkInteractionRow', () => {
  it('turns a good row into an interaction input', () => {
    expect(checkInteractionRow(good, whyUnknown)).toEqual({
      input: {
        externalId: 'e1',
        kind: 'SITE_VISIT',
        occurredAt: new Date('2019-02-12T09:00:00Z'),
        initiatorId: 'nsi-a',
        participantIds: ['nsi-b', 'school-1'],
        weight: 2.5,
        note: '  kept as written ',
      },
      problems: [],
    });
  });

  it('accepts lower-case kinds, blank weight and note, trailing separators and JSON arrays', () => {
    const { input } = checkInteractionRow(
      { ...good, kind: ' peer_exchange ', weight: '', note: '', participantIds: ' nsi-b ; ;' },
      whyUnknown,
    );
    expect(input).toMatchObject({ kind: 'PEER_EXCHANGE', weight: null, note: null, participantIds: ['nsi-b'] });
    expect(checkInteractionRow({ ...good, participantIds: ['nsi-b', 'bmgf'], weight: 3 }, whyUnknown).input).toMatchObject({
      participantIds: ['nsi-b', 'bmgf'],
      weight: 3,
    });
  });

  it('reports every problem of a row, each with its field and reason', () => {
    const { input, problems } = checkInteractionRow(
      {
        externalId: '',
        kind: 'MEETING',
        occurredAt: '12/02/2019',
        initiatorId: 'nsi-x',
        participantIds: 'nsi-a;nsi-x;nsi-a;ghost',
        weight: '-1',
        note: undefined,
      },
      whyUnknown,
    );
    expect(input).toBeNull();
    expect(problems).toEqual([
      { field: 'externalId', reason: 'is empty; a value is required' },
      {
        field: 'kind',
        reason: '"MEETING" is not one of CONVENING, SITE_VISIT, VIRTUAL_SESSION, TECHNICAL_ASSISTANCE, PEER_EXCHANGE, GRANT, OTHER',
      },
      { field: 'occurredAt', reason: '"12/02/2019" is not an ISO 8601 date-time (e.g. 2019-02-12T09:00:00Z)' },
      { field: 'initiatorId', reason: '"nsi-x" is not a known actor (not in the store)' },
      { field: 'participantIds', reason: '"nsi-x" is the initiator; participants are the other actors' },
      { field: 'participantIds', reason: '"nsi-a" is listed twice' },
      { field: 'participantIds', reason: '"ghost" is not a known actor (not in the store)' },
      { field: 'weight', reason: '"-1" must be a positive finite number' },
    ]);
  });

  it('explains dates that are not real, times without an offset, empty participants and weights that are not numbers', () => {
    const problemsOf = (cells: Partial<typeof good>) => checkInteractionRow({ ...good, ...cells }, whyUnknown).problems;
    expect(problemsOf({ occurredAt: '2019-02-30' })).toEqual([
      { field: 'occurredAt', reason: '"2019-02-30" is not a real calendar date-time' },
    ]);
    expect(problemsOf({ occurredAt: '2019-02-12T09:00' })).toEqual([
      { field: 'occurredAt', reason: '"2019-02-12T09:00" has a time but no offset; add Z for UTC or ±hh:mm' },
    ]);
    expect(problemsOf({ participantIds: ' ; ' })).toEqual([
      { field: 'participantIds', reason: 'is empty; name at least one participant (ids separated by ;)' },
    ]);
    expect(problemsOf({ weight: 'heavy' })).toEqual([{ field: 'weight', reason: '"heavy" is not a number' }]);
    expect(problemsOf({ externalId: undefined })).toEqual([{ field: 'externalId', reason: 'is missing; a value is required' }]);
  });
});

describe('checkInteractionRow with aliases of merged actors', () => {
  // nsi-old and nsi-older were merged into nsi-a; nsi-gone into school-1.
  const aliases = new Map([
    ['nsi-old', 'nsi-a'],
    ['nsi-older', 'nsi-a'],
    ['nsi-gone', 'school-1'],
  ]);
  const mergedInto = (id: string) => aliases.get(id) ?? null;
  const knownOrAlias = (id: string) => (aliases.has(id) ? null : whyUnknown(id));
  const check = (initiatorId: string, participantIds: string) =>
    checkInteractionRow({ ...good, initiatorId, participantIds }, knownOrAlias, mergedInto);

  it('takes a row that names an alias but collapses nothing, with the ids as given (the store resolves them)', () => {
    expect(check('nsi-b', 'nsi-old;school-1')).toMatchObject({
      input: { initiatorId: 'nsi-b', participantIds: ['nsi-old', 'school-1'] },
      problems: [],
    });
    expect(check('nsi-old', 'nsi-gone')).toMatchObject({ input: { initiatorId: 'nsi-old', participantIds: ['nsi-gone'] }, problems: [] });
  });

  it('refuses a row left with no participant but its initiator once aliases are resolved, naming the merge', () => {
    expect(check('nsi-old', 'nsi-a')).toEqual({
      input: null,
      problems: [
        {
          field: 'participantIds',
          reason: 'names only the initiator "nsi-a" once merged actors are resolved ("nsi-old" was merged into "nsi-a")',
        },
      ],
    });
    expect(check('nsi-a', 'nsi-old;nsi-older').problems).toEqual([
      {
        field: 'participantIds',
        reason: 'names only the initiator "nsi-a" once merged actors are resolved ("nsi-old" and "nsi-older" were merged into "nsi-a")',
      },
    ]);
  });

  it('takes a row whose aliases only repeat another participant or the initiator: the store drops the repeats', () => {
    expect(check('nsi-a', 'school-1;nsi-old').problems).toEqual([]);
    expect(check('nsi-b', 'nsi-gone;nsi-old;school-1;nsi-a;nsi-older').problems).toEqual([]);
  });

  it('without aliases to follow, checks the ids as given', () => {
    expect(checkInteractionRow({ ...good, initiatorId: 'nsi-old', participantIds: 'nsi-a' }, knownOrAlias).problems).toEqual([]);
  });
});

describe('checkInteractionRow fast paths (toISOString dates, printable-ASCII text)', () => {
  const problemsOf = (cells: Partial<typeof good>) => checkInteractionRow({ ...good, ...cells }, whyUnknown).problems;

  it('reads a toISOString date as the full parse does, and leaves every edge to the full parse', () => {
    for (const text of ['2020-02-29T12:34:56.789Z', '1900-01-01T00:00:00.000Z', '9999-12-31T23:59:59.998Z', '2019-12-31T23:59:59.000Z']) {
      expect(checkInteractionRow({ ...good, occurredAt: text }, whyUnknown).input?.occurredAt).toEqual(
        parseIsoDateTime(text, 'occurredAt'),
      );
    }
    expect(problemsOf({ occurredAt: '2019-02-29T00:00:00.000Z' })).toEqual([
      { field: 'occurredAt', reason: '"2019-02-29T00:00:00.000Z" is not a real calendar date-time' },
    ]);
    expect(problemsOf({ occurredAt: '2019-04-31T10:00:00.000Z' })).toEqual([
      { field: 'occurredAt', reason: '"2019-04-31T10:00:00.000Z" is not a real calendar date-time' },
    ]);
    expect(problemsOf({ occurredAt: '2019-01-01T24:00:00.000Z' })).toEqual([
      { field: 'occurredAt', reason: '"2019-01-01T24:00:00.000Z" is not a real calendar date-time' },
    ]);
    expect(problemsOf({ occurredAt: '1899-12-31T23:59:59.999Z' })).toEqual([
      { field: 'occurredAt', reason: '"1899-12-31T23:59:59.999Z" is outside the years copnet accepts, 1900 to 9999 (UTC)' },
    ]);
    // The last instant itself: no window could hold it. The same on the full parse's path.
    for (const text of ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999+00:00']) {
      expect(problemsOf({ occurredAt: text })).toEqual([
        {
          field: 'occurredAt',
          reason: `"${text}" is the last instant copnet accepts: no window could hold it (windows end before their to)`,
        },
      ]);
    }
  });

  it('gives ASCII and non-ASCII text the same rules: length, controls, invisible characters', () => {
    for (const letter of ['e', 'é']) {
      expect(problemsOf({ externalId: letter.repeat(201) })).toEqual([
        { field: 'externalId', reason: expect.stringContaining('is 201 characters long; at most 200 are allowed') },
      ]);
    }
    expect(problemsOf({ externalId: 'e1\u0007' })).toEqual([
      { field: 'externalId', reason: expect.stringContaining('contains the control character U+0007 at position 2') },
    ]);
    expect(problemsOf({ externalId: 'e1\u200B' })).toEqual([
      { field: 'externalId', reason: expect.stringContaining('contains the invisible character U+200B at position 2') },
    ]);
    expect(checkInteractionRow({ ...good, externalId: 'e\u0301' }, whyUnknown).input?.externalId).toBe('\u00E9');
  });
});

describe('interactionOf', () => {
  it('makes of a checked row the interaction the domain validation would make', () => {
    for (const cells of [good, { ...good, kind: 'grant', weight: '', note: ' ' }]) {
      const checked = checkInteractionRow(cells, whyUnknown).input!;
      expect(interactionOf(checked, 'i-1')).toEqual(validateInteractionInput(checked, 'row', () => 'i-1'));
    }
    expect(interactionOf(checkInteractionRow({ ...good, weight: '' }, whyUnknown).input!, 'i-1')).toEqual({
      id: 'i-1',
      externalId: 'e1',
      kind: 'SITE_VISIT',
      occurredAt: new Date('2019-02-12T09:00:00Z'),
      initiatorId: 'nsi-a',
      participantIds: ['nsi-b', 'school-1'],
      weight: 1,
      note: '  kept as written ',
    });
  });
});

describe('checkActorRow', () => {
  it('turns a good row into an actor input, splitting and de-duplicating tags', () => {
    expect(
      checkActorRow({
        id: ' school-1 ',
        name: 'Douglass High',
        kind: 'school',
        region: 'MD',
        tags: 'cohort-2018; high-school;cohort-2018',
        affiliationId: 'nsi-a',
      }),
    ).toEqual({
      input: {
        id: 'school-1',
        name: 'Douglass High',
        kind: 'SCHOOL',
        region: 'MD',
        tags: ['cohort-2018', 'high-school'],
        affiliationId: 'nsi-a',
      },
      problems: [],
    });
  });

  it('reports every problem of a row', () => {
    expect(checkActorRow({ id: 'x', name: ' ', kind: 'FUNDER', region: undefined, tags: undefined, affiliationId: 'x' })).toEqual({
      input: null,
      problems: [
        { field: 'name', reason: 'is empty; a value is required' },
        { field: 'kind', reason: '"FUNDER" is not one of FOUNDATION, INTERMEDIARY, SCHOOL, SUPPORT_PARTNER' },
        { field: 'affiliationId', reason: '"x" is the actor itself' },
      ],
    });
  });
});
