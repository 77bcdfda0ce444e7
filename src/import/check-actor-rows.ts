import type { ActorInput } from '../domain/actor';
import { describeValue } from '../domain/errors';
import type { Store } from '../store/store';
import { ActorDirectory } from './actor-directory';
import { checkActorRow } from './actor-row';
import { requiredText } from './cell-values';
import type { ActorField } from './import-format';
import type { ImportProblem } from './import-problem';
import { locationOf, type RowLocation } from './row-location';
import { problemAt, repeatedInFile, type Report } from './row-problem';
import type { RowSource } from './row-source';

/** A valid actor row: the actor it describes, and where it is. */
export interface ActorRow {
  readonly input: ActorInput;
  readonly at: RowLocation;
}

export interface CheckedActors {
  readonly read: number;
  readonly badRows: number;
  /** Valid rows by id, in file order. */
  readonly valid: Map<string, ActorRow>;
  /** Ids whose rows are all invalid → where the first one is. */
  readonly invalid: Map<string, RowLocation>;
}

/**
 * Reads the whole actors table and checks it: each row's fields (actor-row.ts), ids
 * repeated within the file, and affiliations naming a known actor — a valid row of this
 * file or an actor in the store. Problems are reported in file order.
 */
export async function checkActorRows(store: Store, source: RowSource<ActorField>, report: Report): Promise<CheckedActors> {
  const valid = new Map<string, ActorRow & { readonly ordinal: number }>();
  const invalid = new Map<string, RowLocation>();
  const firstRow = new Map<string, RowLocation>();
  const found: { ordinal: number; problem: ImportProblem }[] = [];
  const bad = new Set<number>();
  let read = 0;
  const flag = (ordinal: number, at: RowLocation, field: ActorField | null, reason: string): void => {
    found.push({ ordinal, problem: problemAt(source, at, field, reason) });
    bad.add(ordinal);
  };

  await source.scan((row) => {
    read += 1;
    const id = requiredText(row.cells.id);
    const at = locationOf(row);
    if (row.rowProblem !== null) {
      flag(row.ordinal, at, null, row.rowProblem);
    } else {
      const check = checkActorRow(row.cells);
      for (const problem of check.problems) flag(row.ordinal, at, problem.field, problem.reason);
      if (id.ok) {
        const first = firstRow.get(id.value);
        if (first !== undefined) flag(row.ordinal, at, 'id', repeatedInFile(id.value, first));
      }
      if (check.input && !bad.has(row.ordinal)) valid.set(check.input.id, { input: check.input, at, ordinal: row.ordinal });
    }
    if (id.ok) {
      if (!firstRow.has(id.value)) firstRow.set(id.value, at);
      if (bad.has(row.ordinal) && !valid.has(id.value) && !invalid.has(id.value)) invalid.set(id.value, at);
    }
  });

  // Dropping an invalid actor can invalidate the schools affiliated with it: repeat until stable.
  const directory = new ActorDirectory(store, new Set(valid.keys()), invalid, source.file);
  const affiliations = [...valid.values()].map((actor) => actor.input.affiliationId).filter((id): id is string => !!id);
  for (let changed = true; changed;) {
    changed = false;
    await directory.resolve(affiliations);
    for (const [id, actor] of valid) {
      const affiliationId = actor.input.affiliationId;
      const why = affiliationId ? directory.whyUnknown(affiliationId) : null;
      if (affiliationId && why !== null) {
        flag(actor.ordinal, actor.at, 'affiliationId', `${describeValue(affiliationId)} ${why}`);
        valid.delete(id);
        invalid.set(id, actor.at);
        directory.withdraw(id);
        changed = true;
      }
    }
  }

  found.sort((a, b) => a.ordinal - b.ordinal);
  for (const { problem } of found) report(problem);
  return { read, badRows: bad.size, valid, invalid };
}
