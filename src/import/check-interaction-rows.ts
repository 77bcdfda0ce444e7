import type { InteractionKind } from '../domain/interaction';
import type { ActorDirectory } from './actor-directory';
import { requiredText } from './cell-values';
import { FingerprintSet } from './fingerprint-set';
import type { InteractionField } from './import-format';
import { checkInteractionRow, type ActorCheck, type CheckedInteraction } from './interaction-row';
import type { RowCheck } from './row-check';
import { locationOf, type RowLocation } from './row-location';
import { problemAt, repeatedInFile, type Report } from './row-problem';
import { RowSet } from './row-set';
import type { RowSource, SourceRow } from './row-source';
import type { RowSpool } from './row-spool';

/** A checked interaction row, as spooled: [ordinal, externalId, kind, occurredAt (epoch ms), initiatorId, participantIds, weight, note]. */
export type SpooledInteraction = [number, string, InteractionKind, number, string, string[], number | null, string | null];

export interface CheckedInteractions {
  readonly read: number;
  readonly badRows: number;
  /** Ordinals of the bad rows, some of them spooled before they were found bad (a repeated external id). */
  readonly bad: RowSet;
}

/**
 * Reads every interaction row once and checks it (fields, actors known to `directory`,
 * a row left with no participant but its initiator once the directory's aliases of merged
 * actors are resolved, external ids repeated within the file), reporting problems as they
 * are found and spooling the good rows, parsed. Memory stays flat in the file's length: a 64-bit
 * fingerprint per external id, one bit per row and the directory's answers per distinct
 * actor id. Fingerprints seen twice are confirmed against the ids themselves by reading
 * the file again (only when there are such candidates).
 */
export async function checkInteractionRows(
  source: RowSource<InteractionField>,
  directory: ActorDirectory,
  spool: RowSpool<SpooledInteraction>,
  report: Report,
): Promise<CheckedInteractions> {
  const fingerprints = new FingerprintSet();
  const candidates = new Set<string>();
  const bad = new RowSet();
  let read = 0;

  const accept = (
    row: SourceRow<InteractionField>,
    { input, problems }: RowCheck<CheckedInteraction, InteractionField>,
  ): Promise<void> | null => {
    for (const problem of problems) report(problemAt(source, row, problem.field, problem.reason));
    const externalId = requiredText(row.cells.externalId);
    if (externalId.ok && !fingerprints.add(externalId.value)) candidates.add(externalId.value);
    if (input === null) {
      bad.add(row.ordinal);
      return null;
    }
    return spool.push([
      row.ordinal,
      input.externalId,
      input.kind,
      input.occurredAt.getTime(),
      input.initiatorId,
      input.participantIds,
      input.weight,
      input.note,
    ]);
  };

  // A row is checked once with what the directory knows, noting the actor ids it has not
  // resolved yet; only then (at most once per distinct id) is the store asked and the row
  // checked again. Resolving first would split every row's participant list twice.
  const unresolved: string[] = [];
  const knownSoFar: ActorCheck = (id) => {
    if (directory.isResolved(id)) return directory.whyUnknown(id);
    unresolved.push(id);
    return null;
  };

  await source.scan((row) => {
    read += 1;
    if (row.rowProblem !== null) {
      report(problemAt(source, row, null, row.rowProblem));
      bad.add(row.ordinal);
      return;
    }
    unresolved.length = 0;
    const firstLook = checkInteractionRow(row.cells, knownSoFar, directory.aliases);
    const pending = unresolved.length === 0 ? null : directory.resolve(unresolved);
    if (pending === null) return accept(row, firstLook) ?? undefined;
    return pending.then(() => accept(row, checkInteractionRow(row.cells, directory.whyUnknown, directory.aliases)) ?? undefined);
  });

  if (candidates.size > 0) {
    // Confirm the repeated fingerprints against the ids themselves.
    const firstRow = new Map<string, RowLocation>();
    await source.scan((row) => {
      if (row.rowProblem !== null) return;
      const externalId = requiredText(row.cells.externalId);
      if (!externalId.ok || !candidates.has(externalId.value)) return;
      const first = firstRow.get(externalId.value);
      if (first === undefined) {
        firstRow.set(externalId.value, locationOf(row));
      } else {
        report(problemAt(source, row, 'externalId', repeatedInFile(externalId.value, first)));
        bad.add(row.ordinal);
      }
    });
  }
  return { read, badRows: bad.size, bad };
}
