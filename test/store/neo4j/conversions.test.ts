import { DateTime, int, isInt, LocalDateTime, Record } from 'neo4j-driver';
import {
  actorFromRow,
  actorToRow,
  fromEpochMillisOrDateTime,
  fromNeo4jDateTime,
  interactionFromRow,
  interactionToRow,
  isoToNeo4jDateTime,
  neo4jDateTimeToIso,
  toNeo4jDateTime,
  toNeo4jInteger,
  toNullableString,
  toOrderedParticipantIds,
  toParticipantIds,
  toSafeNumber,
  toStringList,
  UNBOUNDED_FUTURE,
  UNBOUNDED_PAST,
} from '../../../src/store/neo4j/conversions';

/** Unit tests of the Neo4j adapter's value conversions: no server involved. */

function parts(dateTime: DateTime<number>) {
  const { year, month, day, hour, minute, second, nanosecond, timeZoneOffsetSeconds, timeZoneId } = dateTime;
  return { year, month, day, hour, minute, second, nanosecond, timeZoneOffsetSeconds, timeZoneId };
}

describe('integers', () => {
  it('turns Neo4j integers inside ±(2^53 − 1) into the same JS numbers', () => {
    expect(toSafeNumber(int(0), 'n')).toBe(0);
    expect(toSafeNumber(int(-42), 'n')).toBe(-42);
    expect(toSafeNumber(int('9007199254740991'), 'n')).toBe(9007199254740991);
    expect(toSafeNumber(int('-9007199254740991'), 'n')).toBe(-9007199254740991);
  });

  it('refuses, never rounds, integers beyond 2^53 − 1', () => {
    expect(() => toSafeNumber(int('9007199254740992'), 'count')).toThrow(
      new RangeError('count: the Neo4j integer 9007199254740992 is beyond ±9007199254740991 and cannot become a JS number exactly'),
    );
    expect(() => toSafeNumber(int('-9223372036854775808'), 'count')).toThrow(RangeError);
    expect(() => toSafeNumber(9007199254740993n, 'count')).toThrow(
      new RangeError('count: the integer 9007199254740993 is beyond ±9007199254740991 and cannot become a JS number exactly'),
    );
    expect(toSafeNumber(-9007199254740991n, 'count')).toBe(-9007199254740991);
  });

  it('passes JS numbers (Neo4j floats) through and rejects other types', () => {
    expect(toSafeNumber(2.5, 'weight')).toBe(2.5);
    expect(() => toSafeNumber('3', 'weight')).toThrow(new TypeError('weight: expected a number, got "3"'));
    expect(() => toSafeNumber(null, 'weight')).toThrow(new TypeError('weight: expected a number, got null'));
  });

  it('sends whole numbers as Neo4j integers, refusing fractions', () => {
    const limit = toNeo4jInteger(501);
    expect(isInt(limit)).toBe(true);
    expect(limit.toString()).toBe('501');
    expect(() => toNeo4jInteger(1.5)).toThrow(new RangeError('1.5 is not a whole number within ±9007199254740991'));
  });
});

describe('date-times', () => {
  it('stores a JS Date as a UTC DATETIME with its milliseconds', () => {
    expect(parts(toNeo4jDateTime(new Date('2019-02-12T09:00:00.123Z')))).toEqual({
      year: 2019,
      month: 2,
      day: 12,
      hour: 9,
      minute: 0,
      second: 0,
      nanosecond: 123_000_000,
      timeZoneOffsetSeconds: 0,
      timeZoneId: undefined,
    });
    expect(toNeo4jDateTime(Date.parse('2018-10-16T17:00:00Z')).toString()).toBe('2018-10-16T17:00:00Z');
  });

  it('reads back exactly the instant it stored, across the whole JS Date range', () => {
    const instants = [
      '2019-02-12T09:00:00.000Z',
      '2020-02-29T23:59:59.999Z',
      '1970-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '0050-06-01T12:00:00.001Z', // years 0..99: Date.UTC would move these to 19xx
      '0000-01-01T00:00:00.000Z',
      '-000001-12-31T23:59:59.999Z',
      '+275760-09-13T00:00:00.000Z',
      '-271821-04-20T00:00:00.000Z',
    ];
    for (const iso of instants) {
      const date = new Date(iso);
      expect(fromNeo4jDateTime(toNeo4jDateTime(date), 'at').toISOString()).toBe(date.toISOString());
    }
  });

  it('agrees with the driver’s own conversion on ordinary instants', () => {
    const stored = toNeo4jDateTime(new Date('2024-07-01T05:06:07.089Z'));
    expect(fromNeo4jDateTime(stored, 'at')).toEqual(stored.toStandardDate());
  });

  it('reads a DATETIME written at another offset as the same instant, truncating below the millisecond', () => {
    const paris = new DateTime(int(2019), int(2), int(12), int(10), int(0), int(0), int(123_456_789), int(3600));
    expect(fromNeo4jDateTime(paris, 'at').toISOString()).toBe('2019-02-12T09:00:00.123Z');
    expect(neo4jDateTimeToIso(new DateTime(2018, 12, 31, 20, 30, 0, 0, -4 * 3600))).toBe('2019-01-01T00:30:00.000Z');
  });

  it('converts ISO strings with offsets to UTC DATETIMEs', () => {
    expect(isoToNeo4jDateTime('2019-02-12T11:00:00+02:00').toString()).toBe('2019-02-12T09:00:00Z');
    expect(() => isoToNeo4jDateTime('not a date')).toThrow(new RangeError('NaN is not a valid date-time'));
  });

  it('refuses values that are not an instant', () => {
    expect(() => fromNeo4jDateTime(new LocalDateTime(2019, 2, 12, 9, 0, 0, 0), 'occurredAt')).toThrow(TypeError);
    expect(() => fromNeo4jDateTime('2019-02-12T09:00:00Z', 'occurredAt')).toThrow(
      new TypeError('occurredAt: expected a DATETIME, got "2019-02-12T09:00:00Z"'),
    );
    expect(() => fromNeo4jDateTime(new DateTime(2019, 2, 12, 9, 0, 0, 0, undefined, 'Europe/Paris'), 'occurredAt')).toThrow(
      new TypeError('occurredAt: the DATETIME 2019-02-12T09:00:00[Europe/Paris] has a named zone but no offset; cannot place it in time'),
    );
    expect(() => toNeo4jDateTime(new Date(Number.NaN))).toThrow(new RangeError('Invalid Date is not a valid date-time'));
  });

  it('has "no bound" values strictly outside every JS Date', () => {
    expect(UNBOUNDED_PAST.toString()).toBe('-271822-01-01T00:00:00Z');
    expect(UNBOUNDED_FUTURE.toString()).toBe('+275761-01-01T00:00:00Z');
    expect(() => fromNeo4jDateTime(UNBOUNDED_FUTURE, 'bound')).toThrow(RangeError);
    expect(() => fromNeo4jDateTime(UNBOUNDED_PAST, 'bound')).toThrow(RangeError);
  });
});

describe('lists and nulls', () => {
  it('reads string lists, a missing list as [], and refuses other elements', () => {
    expect(toStringList(['district', 'cohort-2018'], 'tags')).toEqual(['district', 'cohort-2018']);
    expect(toStringList(null, 'tags')).toEqual([]);
    expect(() => toStringList(['a', 1], 'tags')).toThrow(new TypeError('tags[1]: expected a string, got 1'));
    expect(() => toStringList('a', 'tags')).toThrow(new TypeError('tags: expected a list of strings, got "a"'));
  });

  it('reads absent properties as null', () => {
    expect(toNullableString(null, 'region')).toBeNull();
    expect(toNullableString('MD', 'region')).toBe('MD');
  });

  it('orders participants by their INVOLVED position', () => {
    const involved = [
      { position: int(2), id: 'c' },
      { position: int(0), id: 'a' },
      { position: int(1), id: 'b' },
    ];
    expect(toOrderedParticipantIds(involved, 'participants')).toEqual(['a', 'b', 'c']);
    expect(() =>
      toOrderedParticipantIds(
        [
          { position: int(0), id: 'a' },
          { position: int(2), id: 'c' },
        ],
        'p',
      ),
    ).toThrow(new Error('p: INVOLVED positions are not 0..1 (found 2 at place 1)'));
  });

  it('reads the ordered participantIds a node keeps as they are, and {position, id} maps by position', () => {
    expect(toParticipantIds(['c', 'a'], 'p')).toEqual(['c', 'a']);
    expect(
      toParticipantIds(
        [
          { position: 1, id: 'b' },
          { position: 0, id: 'a' },
        ],
        'p',
      ),
    ).toEqual(['a', 'b']);
    expect(() => toParticipantIds(null, 'p')).toThrow(new TypeError('p: expected a list, got null'));
  });

  it('reads instants returned as epoch milliseconds (toFloat(x.epochMillis)) or as DATETIMEs', () => {
    expect(fromEpochMillisOrDateTime(Date.parse('1969-12-31T23:59:59.001Z'), 'at').toISOString()).toBe('1969-12-31T23:59:59.001Z');
    expect(fromEpochMillisOrDateTime(toNeo4jDateTime(new Date('2019-02-12T09:00:00.123Z')), 'at').toISOString()).toBe(
      '2019-02-12T09:00:00.123Z',
    );
    expect(() => fromEpochMillisOrDateTime(9e15, 'at')).toThrow(
      new RangeError('at: 9000000000000000 ms is outside the range of a JS Date'),
    );
    expect(() => fromEpochMillisOrDateTime(Number.NaN, 'at')).toThrow(RangeError);
  });
});

describe('rows', () => {
  it('reads an actor row, absent values as null and []', () => {
    const row = new Record(
      ['id', 'name', 'kind', 'region', 'tags', 'affiliationId'],
      ['school-frederick', 'Frederick Douglass HS', 'SCHOOL', null, null, 'nsi-baltimore'],
    );
    expect(actorFromRow(row)).toEqual({
      id: 'school-frederick',
      name: 'Frederick Douglass HS',
      kind: 'SCHOOL',
      region: null,
      tags: [],
      affiliationId: 'nsi-baltimore',
    });
    const bad = new Record(['id', 'name', 'kind', 'region', 'tags', 'affiliationId'], ['x', 'X', 'CLUB', null, [], null]);
    expect(() => actorFromRow(bad)).toThrow(new TypeError('(:Actor {id: "x"}).kind: "CLUB" is not an actor kind'));
  });

  it('reads an interaction row with ordered participants, float or integer weight', () => {
    const keys = ['id', 'externalId', 'kind', 'occurredAt', 'weight', 'note', 'initiatorId', 'participants'];
    const occurredAt = toNeo4jDateTime(new Date('2018-10-16T17:00:00.123Z'));
    const participants = [
      { position: int(1), id: 'nsi-baltimore' },
      { position: int(0), id: 'nsi-core' },
    ];
    const row = new Record(keys, ['i-1', 'seattle-2018', 'CONVENING', occurredAt, 2.5, 'Seattle', 'bmgf', participants]);
    expect(interactionFromRow(row)).toEqual({
      id: 'i-1',
      externalId: 'seattle-2018',
      kind: 'CONVENING',
      occurredAt: new Date('2018-10-16T17:00:00.123Z'),
      initiatorId: 'bmgf',
      participantIds: ['nsi-core', 'nsi-baltimore'],
      weight: 2.5,
      note: 'Seattle',
    });
    const handWritten = new Record(keys, ['i-2', null, 'GRANT', occurredAt, int(3), null, 'bmgf', [{ position: int(0), id: 'nsi-core' }]]);
    expect(interactionFromRow(handWritten)).toMatchObject({ externalId: null, weight: 3, note: null });
  });

  it('writes rows the statements expect', () => {
    expect(actorToRow({ id: 'a', name: 'A', kind: 'INTERMEDIARY', region: null, tags: ['x'], affiliationId: 'b' })).toEqual({
      id: 'a',
      name: 'A',
      kind: 'INTERMEDIARY',
      region: null,
      tags: ['x'],
    });
    const row = interactionToRow({
      id: 'i-1',
      externalId: null,
      kind: 'SITE_VISIT',
      occurredAt: new Date('2019-03-05T15:00:00Z'),
      initiatorId: 'a',
      participantIds: ['b', 'c'],
      weight: 1,
      note: null,
    });
    expect(row).toEqual({
      id: 'i-1',
      externalId: null,
      kind: 'SITE_VISIT',
      occurredAt: Date.parse('2019-03-05T15:00:00Z'),
      initiatorId: 'a',
      participantIds: ['b', 'c'],
      weight: 1,
      note: null,
    });
  });
});
