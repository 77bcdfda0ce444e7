import type { Checked } from './cell-values';

export interface FieldProblem<F extends string> {
  readonly field: F;
  readonly reason: string;
}

export interface RowCheck<T, F extends string> {
  /** The row as a domain input; null when it has problems. */
  readonly input: T | null;
  readonly problems: FieldProblem<F>[];
}

/**
 * One row's problems as its checks find them: `take` gives a cell's checked value, or
 * notes why it failed under its field and gives null, so every problem in the row is
 * reported, not only the first.
 */
export function fieldProblems<F extends string>(): {
  readonly problems: FieldProblem<F>[];
  readonly take: <T>(field: F, checked: Checked<T>) => T | null;
} {
  const problems: FieldProblem<F>[] = [];
  return {
    problems,
    take: (field, checked) => {
      if (checked.ok) return checked.value;
      problems.push({ field, reason: checked.reason });
      return null;
    },
  };
}
