import { describeValue, InvalidInputError } from './errors';

/**
 * What stored text may hold, shared by GraphQL, CSV and JSON import and both stores:
 * lengths in characters (UTF-16 code units) and no control characters, so ids cannot
 * collide once an XML export replaces what XML cannot carry, and no field can fill memory.
 */
export const TEXT_LIMITS = {
  /** Actor ids, affiliation ids, initiator and participant ids. */
  id: 200,
  externalId: 200,
  name: 500,
  region: 100,
  tag: 100,
  note: 10_000,
} as const;
export type TextKind = keyof typeof TEXT_LIMITS;

/** Most tags one actor may carry. */
export const MAX_TAGS = 50;

/**
 * Refused anywhere: C0 controls (U+0000–U+001F) but tab and line breaks in notes, DEL and
 * C1 (U+007F–U+009F), the non-characters U+FFFE and U+FFFF, and unpaired surrogates.
 */
const CONTROL =
  // eslint-disable-next-line no-control-regex -- matching control characters is this rule's purpose
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_CONTROL = /[\t\n\r]/;

/** Why `value` cannot be stored as this kind of text, worded to follow the value; null when it can. */
export function textProblem(value: string, kind: TextKind): string | null {
  const limit = TEXT_LIMITS[kind];
  if (value.length > limit) return `is ${value.length} characters long; at most ${limit} are allowed`;
  const control = CONTROL.exec(value) ?? (kind === 'note' ? null : LINE_CONTROL.exec(value));
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `contains the control character U+${code} at position ${control.index}${kind === 'note' ? '' : '; ids, names, tags and regions are one line of printable text'}`;
  }
  return null;
}

/** Returns `value` when it may be stored as `kind`; throws InvalidInputError naming `field` otherwise. */
export function checkText(value: string, kind: TextKind, field: string): string {
  const problem = textProblem(value, kind);
  if (problem !== null) throw new InvalidInputError(field, value, problem);
  return value;
}

/** As textProblem, with the shortened value in front (for import problem lines). */
export function describeTextProblem(value: string, kind: TextKind): string | null {
  const problem = textProblem(value, kind);
  return problem === null ? null : `${describeValue(value)} ${problem}`;
}
