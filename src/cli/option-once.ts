import { InvalidArgumentError } from 'commander';

/**
 * The parser of an option that takes one value: a second one is refused (commander kept the last
 * silently, so `--actors a.csv --actors b.csv` imported only b.csv). For options without a default,
 * whose first `previous` is undefined.
 */
export function once(value: string, previous: string | undefined): string {
  if (previous !== undefined) throw givenTwice(previous);
  return value;
}

/**
 * `once` for an option with a default, whose first `previous` is the default: the parser keeps the
 * first text given itself (one parser per option of one program), then reads it with `parse`.
 */
export function onceOver<T>(parse: (value: string) => T): (value: string) => T {
  let given: string | undefined;
  return (value) => {
    if (given !== undefined) throw givenTwice(given);
    given = value;
    return parse(value);
  };
}

/** A parser that takes one of `choices` (commander's own .choices() check, which onceOver replaces). */
export function oneOf<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return value as T;
  };
}

function givenTwice(first: string): InvalidArgumentError {
  return new InvalidArgumentError(`it is given twice (${JSON.stringify(first)} first); give it once`);
}
