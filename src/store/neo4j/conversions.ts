import { DateTime, int, isDateTime, isInt, type Integer } from 'neo4j-driver';
import { ACTOR_KINDS, type Actor } from '../../domain/actor';
import { describeValue } from '../../domain/errors';
import { INTERACTION_KINDS, type Interaction } from '../../domain/interaction';

/**
 * Exact conversions between domain values and what the Neo4j driver sends and returns.
 *
 * - Integers: Neo4j integers are 64-bit; the driver returns them as `Integer`. They become JS
 *   numbers only inside ±(2^53 − 1) (Number.MAX_SAFE_INTEGER); anything beyond is refused with
 *   an error, never rounded. Whole numbers we send where Cypher needs an INTEGER (LIMIT) go as
 *   `Integer`, since a JS number is sent as a FLOAT.
 * - Date-times: a JS Date is stored as a DATETIME at UTC (offset 0) with the Date's millisecond
 *   precision. A DATETIME read back becomes the same instant; a finer fraction (written by hand)
 *   is truncated to the millisecond, like the driver's own toStandardDate. Interaction reads return
 *   `toFloat(occurredAt.epochMillis)` instead, a plain number (exact: |ms| ≤ 8.64e15 < 2^53).
 * - Nulls: Neo4j stores no null properties, so an absent property reads back as null; a
 *   missing `tags` list reads back as [].
 * - Values of the wrong type (hand-edited data) throw an error naming the node and property.
 */

/** What conversions read from a result row: a neo4j Record has this shape. */
export interface RowLike {
  get(key: string): unknown;
}

/** A Neo4j INTEGER (or a JS number or bigint) as a JS number, refusing values outside the safe range. */
export function toSafeNumber(value: unknown, what: string): number {
  if (typeof value === 'number') return value;
  if (isInt(value)) {
    if (!value.inSafeRange()) {
      throw new RangeError(
        `${what}: the Neo4j integer ${value.toString()} is beyond ±${Number.MAX_SAFE_INTEGER} and cannot become a JS number exactly`,
      );
    }
    return value.toNumber();
  }
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(
        `${what}: the integer ${value.toString()} is beyond ±${Number.MAX_SAFE_INTEGER} and cannot become a JS number exactly`,
      );
    }
    return Number(value);
  }
  throw new TypeError(`${what}: expected a number, got ${describeValue(value)}`);
}

/** A whole JS number as a Neo4j INTEGER parameter (e.g. for LIMIT). */
export function toNeo4jInteger(value: number): Integer {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a whole number within ±${Number.MAX_SAFE_INTEGER}`);
  return int(value);
}

/** A JS Date (or epoch milliseconds) as a DATETIME at UTC with millisecond precision. */
export function toNeo4jDateTime(instant: Date | number): DateTime<number> {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) throw new RangeError(`${describeValue(instant)} is not a valid date-time`);
  const date = new Date(ms);
  return new DateTime<number>(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds() * 1_000_000,
    0,
  );
}

/** An ISO 8601 instant (as the API prints it) as a DATETIME at UTC. */
export function isoToNeo4jDateTime(iso: string): DateTime<number> {
  return toNeo4jDateTime(Date.parse(iso));
}

/**
 * Window bounds for "no bound": DATETIMEs just outside what a JS Date can represent
 * (±8.64e15 ms), so every storable instant lies strictly between them.
 */
export const UNBOUNDED_PAST: DateTime<number> = new DateTime<number>(-271822, 1, 1, 0, 0, 0, 0, 0);
export const UNBOUNDED_FUTURE: DateTime<number> = new DateTime<number>(275761, 1, 1, 0, 0, 0, 0, 0);

/** A DATETIME read from Neo4j as a JS Date: the same instant, to the millisecond. */
export function fromNeo4jDateTime(value: unknown, what: string): Date {
  if (!isDateTime(value)) throw new TypeError(`${what}: expected a DATETIME, got ${describeValue(value)}`);
  if (value.timeZoneOffsetSeconds === undefined || value.timeZoneOffsetSeconds === null) {
    throw new TypeError(`${what}: the DATETIME ${value.toString()} has a named zone but no offset; cannot place it in time`);
  }
  const part = (n: unknown, name: string) => toSafeNumber(n, `${what}.${name}`);
  const date = new Date(0);
  date.setUTCFullYear(part(value.year, 'year'), part(value.month, 'month') - 1, part(value.day, 'day'));
  date.setUTCHours(part(value.hour, 'hour'), part(value.minute, 'minute'), part(value.second, 'second'), 0);
  const ms =
    date.getTime() + Math.floor(part(value.nanosecond, 'nanosecond') / 1_000_000) - part(value.timeZoneOffsetSeconds, 'offset') * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) {
    throw new RangeError(`${what}: the DATETIME ${value.toString()} is outside the range of a JS Date`);
  }
  return new Date(ms);
}

/**
 * An instant read as `toFloat(x.epochMillis)` (what the interaction reads return: a plain JS
 * number, so the driver decodes no DATETIME and no 64-bit Integer per row), or a DATETIME.
 */
export function fromEpochMillisOrDateTime(value: unknown, what: string): Date {
  if (typeof value !== 'number') return fromNeo4jDateTime(value, what);
  if (!Number.isFinite(value) || Math.abs(value) > 8.64e15) throw new RangeError(`${what}: ${value} ms is outside the range of a JS Date`);
  return new Date(value);
}

/** A DATETIME read from Neo4j as an ISO 8601 string at UTC, e.g. `2019-02-12T09:00:00.000Z`. */
export function neo4jDateTimeToIso(value: unknown, what = 'value'): string {
  return fromNeo4jDateTime(value, what).toISOString();
}

export function toStringValue(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new TypeError(`${what}: expected a string, got ${describeValue(value)}`);
  return value;
}

export function toNullableString(value: unknown, what: string): string | null {
  return value === null || value === undefined ? null : toStringValue(value, what);
}

/** A value of a closed set (actor kinds, roles, audit actions), or a TypeError naming the property. */
export function toMember<T>(value: unknown, members: readonly T[], what: string, setName: string): T {
  if (!(members as readonly unknown[]).includes(value)) throw new TypeError(`${what}: ${describeValue(value)} is not ${setName}`);
  return value as T;
}

/** How errors name a node read from a row, by its key property: `(:Actor {id: "a1"})`. */
export function nodeName(label: string, key: string, value: string | number): string {
  return `(:${label} {${key}: ${JSON.stringify(value)}})`;
}

/** A LIST<STRING>; a missing list (null) reads as []. */
export function toStringList(value: unknown, what: string): string[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new TypeError(`${what}: expected a list of strings, got ${describeValue(value)}`);
  return value.map((item: unknown, i) => toStringValue(item, `${what}[${i}]`));
}

/** Participants read as {position, id} maps (in no particular order), as ids ordered by position. */
export function toOrderedParticipantIds(value: unknown, what: string): string[] {
  if (!Array.isArray(value)) throw new TypeError(`${what}: expected a list, got ${describeValue(value)}`);
  const entries = value.map((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null)
      throw new TypeError(`${what}[${i}]: expected {position, id}, got ${describeValue(entry)}`);
    const { position, id } = entry as { position?: unknown; id?: unknown };
    return { position: toSafeNumber(position, `${what}[${i}].position`), id: toStringValue(id, `${what}[${i}].id`) };
  });
  entries.sort((a, b) => a.position - b.position);
  entries.forEach((entry, i) => {
    if (entry.position !== i)
      throw new Error(`${what}: INVOLVED positions are not 0..${entries.length - 1} (found ${entry.position} at place ${i})`);
  });
  return entries.map((entry) => entry.id);
}

/** Participants as read: the node's ordered participantIds, or (hand-written reads) {position, id} maps. */
export function toParticipantIds(value: unknown, what: string): string[] {
  if (Array.isArray(value) && value.every((id) => typeof id === 'string')) return value;
  return toOrderedParticipantIds(value, what);
}

/** An actor row (id, name, kind, region, tags, affiliationId) as a domain Actor. */
export function actorFromRow(row: RowLike): Actor {
  const id = toStringValue(row.get('id'), '(:Actor).id');
  const what = nodeName('Actor', 'id', id);
  return {
    id,
    name: toStringValue(row.get('name'), `${what}.name`),
    kind: toMember(row.get('kind'), ACTOR_KINDS, `${what}.kind`, 'an actor kind'),
    region: toNullableString(row.get('region'), `${what}.region`),
    tags: toStringList(row.get('tags'), `${what}.tags`),
    affiliationId: toNullableString(row.get('affiliationId'), `${what}-[:AFFILIATED_WITH]->`),
  };
}

/** An interaction row (see find-interactions-by-ids.cypher: occurredAt as epoch milliseconds) as a domain Interaction. */
export function interactionFromRow(row: RowLike): Interaction {
  const id = toStringValue(row.get('id'), '(:Interaction).id');
  const what = nodeName('Interaction', 'id', id);
  return {
    id,
    externalId: toNullableString(row.get('externalId'), `${what}.externalId`),
    kind: toMember(row.get('kind'), INTERACTION_KINDS, `${what}.kind`, 'an interaction kind'),
    occurredAt: fromEpochMillisOrDateTime(row.get('occurredAt'), `${what}.occurredAt`),
    initiatorId: toStringValue(row.get('initiatorId'), `${what}.initiatorId`),
    participantIds: toParticipantIds(row.get('participants'), `${what}.participantIds`),
    weight: toSafeNumber(row.get('weight'), `${what}.weight`),
    note: toNullableString(row.get('note'), `${what}.note`),
  };
}

/** The parameter row upsert-actors.cypher expects. */
export function actorToRow(actor: Actor): Record<string, unknown> {
  return { id: actor.id, name: actor.name, kind: actor.kind, region: actor.region, tags: [...actor.tags] };
}

/** The parameter row set-interaction-fields.cypher expects: occurredAt as epoch milliseconds, made a DATETIME in Cypher. */
export function interactionToRow(interaction: Interaction): Record<string, unknown> {
  return {
    id: interaction.id,
    externalId: interaction.externalId,
    kind: interaction.kind,
    occurredAt: interaction.occurredAt.getTime(),
    initiatorId: interaction.initiatorId,
    participantIds: [...interaction.participantIds],
    weight: interaction.weight,
    note: interaction.note,
  };
}
