import { describeValue } from '../domain/errors';
import { LIST_SEPARATOR } from './import-format';

/**
 * Reading one cell: CSV gives strings (empty when blank), JSON any value (undefined when
 * the field is absent). Each reader returns the value or the reason it is unusable, worded
 * to follow the value in a problem line: `"MEETING" is not one of …`.
 */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (reason: string): Checked<never> => ({ ok: false, reason });

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function absentReason(value: unknown): string {
  return value === undefined || value === null ? 'is missing; a value is required' : 'is empty; a value is required';
}

export function requiredText(value: unknown): Checked<string> {
  if (isAbsent(value)) return bad(absentReason(value));
  if (typeof value !== 'string') return bad(`${describeValue(value)} is not a string`);
  return ok(value.trim());
}

export function optionalText(value: unknown): Checked<string | null> {
  if (isAbsent(value)) return ok(null);
  if (typeof value !== 'string') return bad(`${describeValue(value)} is not a string`);
  return ok(value.trim());
}

/** Text kept as written (a note): only blank becomes null. */
export function optionalFreeText(value: unknown): Checked<string | null> {
  if (isAbsent(value)) return ok(null);
  if (typeof value !== 'string') return bad(`${describeValue(value)} is not a string`);
  return ok(value);
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
      if (trimmed !== '') items.push(trimmed);
    }
    return ok(items);
  }
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value) {
      if (typeof item !== 'string') return bad(`${describeValue(value)} is not a list of strings`);
      if (item.trim() !== '') items.push(item.trim());
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
  if (!Number.isFinite(number) || number <= 0) return bad(`${describeValue(value)} must be a positive finite number`);
  return ok(number);
}
