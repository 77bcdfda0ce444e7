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

/** Most participants one interaction may name (besides its initiator). */
export const MAX_PARTICIPANTS = 1000;

/**
 * Refused anywhere: C0 controls (U+0000–U+001F) but tab and line breaks in notes, DEL and
 * C1 (U+007F–U+009F), the non-characters U+FFFE and U+FFFF, and unpaired surrogates.
 */
const CONTROL =
  // eslint-disable-next-line no-control-regex -- matching control characters is this rule's purpose
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_CONTROL = /[\t\n\r]/;

/**
 * Characters that change how text displays without showing: bidirectional controls (marks,
 * embeddings, overrides, isolates), so `h-rtl-\u202Egnp.exe` cannot pose as `h-rtl-exe.png`.
 * Refused in ids, names, tags and regions (notes may need them for right-to-left prose).
 */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * Characters that show nothing, refused in ids (with the bidi controls) so `bmgf\u200B` cannot
 * be a twin of `bmgf`: soft hyphen, combining grapheme joiner, Hangul fillers, the Mongolian
 * vowel separator, zero-width space/joiners, line and paragraph separators, word joiner and
 * invisible operators, variation selectors, the zero-width no-break space (BOM) and the tag
 * characters U+E0000–U+E007F. Names keep the joiners (emoji and several scripts need them).
 */
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- combining characters are what this class matches, one at a time
  /[\u00AD\u034F\u115F\u1160\u180E\u200B-\u200D\u2028\u2029\u2060-\u2064\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDC00-\uDC7F]/;

const ID_KINDS: ReadonlySet<TextKind> = new Set<TextKind>(['id', 'externalId']);

/** Why `value` cannot be stored as this kind of text, worded to follow the value; null when it can. */
export function textProblem(value: string, kind: TextKind): string | null {
  const limit = TEXT_LIMITS[kind];
  if (value.length > limit) return `is ${value.length} characters long; at most ${limit} are allowed`;
  const control = CONTROL.exec(value) ?? (kind === 'note' ? null : LINE_CONTROL.exec(value));
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `contains the control character U+${code} at position ${control.index}${kind === 'note' ? '' : '; ids, names, tags and regions are one line of printable text'}`;
  }
  if (kind === 'note') return null;
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi) {
    return `contains the direction control character U+${codeOf(bidi[0])} at position ${bidi.index}; ids, names, tags and regions may not reorder how they display`;
  }
  const invisible = ID_KINDS.has(kind) ? INVISIBLE.exec(value) : null;
  if (invisible) {
    return `contains the invisible character U+${codeOf(invisible[0])} at position ${invisible.index}; an id may not hold characters that show nothing`;
  }
  if (!showsSomething(value)) return 'shows nothing: it needs at least one visible character';
  return null;
}

/** Marks, format characters, separators, spaces and the blank fillers: a text of only these displays as nothing. */
const SHOWS_NOTHING = /^[\p{M}\p{Cf}\p{Z}\s\u115F\u1160\u3164\uFFA0\u2800]*$/u;

/** Whether some character of `value` displays (a name of only U+200B or U+0301 looked like none at all). */
function showsSomething(value: string): boolean {
  const first = value.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return true; // most texts: printable ASCII first, no scan
  return !SHOWS_NOTHING.test(value);
}

function codeOf(character: string): string {
  return (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Text in Unicode normalisation form C, as stored: `é` typed as e + U+0301 and as U+00E9 is one
 * id, one name. Applied before the rules above, by every reader of input.
 */
export function normalizeText(value: string): string {
  return value.normalize('NFC');
}

/**
 * Returns `value` in NFC when it may be stored as `kind`; throws InvalidInputError naming `field`
 * otherwise. The length is checked before normalising, so an over-long value costs nothing more.
 */
export function checkText(value: string, kind: TextKind, field: string): string {
  const tooLong = value.length > TEXT_LIMITS[kind] * 3 ? textProblem(value, kind) : null;
  if (tooLong !== null) throw new InvalidInputError(field, value, tooLong);
  const normalized = normalizeText(value);
  const problem = textProblem(normalized, kind);
  if (problem !== null) throw new InvalidInputError(field, value, problem);
  return normalized;
}

/** As textProblem, with the shortened value in front (for import problem lines). */
export function describeTextProblem(value: string, kind: TextKind): string | null {
  const problem = textProblem(value, kind);
  return problem === null ? null : `${describeValue(value)} ${problem}`;
}
