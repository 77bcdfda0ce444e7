import { describeValue } from '../domain/errors';
import { weightProblem } from '../domain/interaction';
import { describeTextProblem, MAX_TAGS, normalizeText as normalizeAnyText, TEXT_LIMITS, type TextKind } from '../domain/text-rules';
import { LIST_SEPARATOR } from './import-format';

/**
 * Reading one cell: CSV gives strings (empty when blank), JSON any value (undefined when
 * the field is absent). Each reader returns the value or the reason it is unusable, worded
 * to follow the value in a problem line: `"MEETING" is not one of …`.
 */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (reason: string): Checked<never> => ({ ok: false, reason });

/**
 * Printable ASCII (space to ~) is already NFC and holds none of the characters the text rules
 * refuse, so most cells of an import skip normalize() and the rules' four regular expressions:
 * per cell those were a tenth of a large import's check pass.
 */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

function normalizeText(value: string): string {
  return PRINTABLE_ASCII.test(value) ? value : normalizeAnyText(value);
}

function textProblemOf(value: string, kind: TextKind): string | null {
  return value.length <= TEXT_LIMITS[kind] && PRINTABLE_ASCII.test(value) ? null : describeTextProblem(value, kind);
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function absentReason(value: unknown): string {
  return value === undefined || value === null ? 'is missing; a value is required' : 'is empty; a value is required';
}

export function requiredText(value: unknown): Checked<string> {
  if (isAbsent(value)) return bad(absentReason(value));
  if (typeof value !== 'string') return bad(`${describeValue(value)} is not a string`);
  return ok(normalizeText(value.trim()));
}

export function optionalText(value: unknown): Checked<string | null> {
  if (isAbsent(value)) return ok(null);
  if (typeof value !== 'string') return bad(`${describeValue(value)} is not a string`);
  return ok(normalizeText(value.trim()));
}

/** Text kept as written (a note): only blank becomes null. */
export function optionalFreeText(value: unknown): Checked<string | null> {
  if (isAbsent(value)) return ok(null);
  if (typeof value !== 'string') return bad(`${describeValue(value)} is not a string`);
  return ok(normalizeText(value));
}

/** One of `allowed`, matched after trimming and upper-casing (`site_visit` is SITE_VISIT). */
export function enumValue<T extends string>(value: unknown, allowed: readonly T[]): Checked<T> {
  const text = requiredText(value);
  if (!text.ok) return text;
  const upper = text.value.toUpperCase();
  const match = allowed.find((option) => option === upper);
  return match ? ok(match) : bad(`${describeValue(value)} is not one of ${allowed.join(', ')}`);
}

/** A list: a JSON array of strings, or a string of items separated by `;`. Blank items are dropped. */
export function textList(value: unknown): Checked<string[]> {
  if (isAbsent(value)) return ok([]);
  if (typeof value === 'string') {
    const items: string[] = [];
    for (const item of value.split(LIST_SEPARATOR)) {
      const trimmed = item.trim();
      if (trimmed !== '') items.push(normalizeText(trimmed));
    }
    return ok(items);
  }
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value) {
      if (typeof item !== 'string') return bad(`${describeValue(value)} is not a list of strings`);
      if (item.trim() !== '') items.push(normalizeText(item.trim()));
    }
    return ok(items);
  }
  return bad(`${describeValue(value)} is not a list (use an array, or ids separated by ${LIST_SEPARATOR})`);
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A positive finite number, or null when blank (the default applies). */
export function optionalPositiveNumber(value: unknown): Checked<number | null> {
  if (isAbsent(value)) return ok(null);
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && DECIMAL.test(value.trim())) number = Number(value.trim());
  else return bad(`${describeValue(value)} is not a number`);
  const problem = weightProblem(number);
  if (problem !== null) return bad(`${describeValue(value)} ${problem}`);
  return ok(number);
}

/** A read text that must also pass the domain's text rules (length, no control characters). */
export function storable<T extends string | null>(checked: Checked<T>, kind: TextKind): Checked<T> {
  if (!checked.ok || checked.value === null) return checked;
  const problem = textProblemOf(checked.value, kind);
  return problem === null ? checked : bad(problem);
}

/**
 * A list of texts that must each pass the text rules; at most `most` distinct items when given.
 * The length is bounded before any item is checked (a list may repeat items, up to 4 × `most`).
 */
export function storableList(checked: Checked<string[]>, kind: TextKind, most?: number, items = 'items'): Checked<string[]> {
  if (!checked.ok) return checked;
  const tooMany = (count: number) => bad(`has ${count} ${items}; at most ${most} are allowed`);
  if (most !== undefined && checked.value.length > most * 4) return tooMany(checked.value.length);
  for (const item of checked.value) {
    const problem = textProblemOf(item, kind);
    if (problem !== null) return bad(problem);
  }
  if (most !== undefined) {
    const distinct = new Set(checked.value).size;
    if (distinct > most) return tooMany(distinct);
  }
  return checked;
}

export { MAX_TAGS };
