import { InvalidArgumentError } from 'commander';

/**
 * The parser of an option that takes one value: a second one is refused (commander kept the last
 * silently, so `--actors a.csv --actors b.csv` imported only b.csv). For options without a default,
 * whose first `previous` is undefined.
 */
export function once(value: string, previous: string | undefined): string {
  if (previous !== undefined) throw new InvalidArgumentError(`it is given twice (${JSON.stringify(previous)} first); give it once`);
  return value;
}
