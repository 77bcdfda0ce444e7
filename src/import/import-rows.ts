import { newInteractionId } from '../domain/interaction';
import type { Store } from '../store/store';
import { ActorDirectory } from './actor-directory';
import { checkActorRows } from './check-actor-rows';
import { checkInteractionRows, type SpooledInteraction } from './check-interaction-rows';
import type { ActorField, InteractionField } from './import-format';
import type { ImportProblem } from './import-problem';
import type { RowSource } from './row-source';
import { RowSpool } from './row-spool';
import type { TableCounts } from './table-counts';
import { writeActorRows } from './write-actor-rows';
import { writeInteractionRows } from './write-interaction-rows';

export type { TableCounts } from './table-counts';

/**
 * The import use case: validate everything, then write once.
 *
 * 1. Actors: the whole actors table is read and checked (fields, ids repeated within the
 *    file, affiliations naming a known actor — in the file or in the store):
 *    check-actor-rows.ts.
 * 2. Interactions: every row is read once and checked (fields, actors known, a participant
 *    other than the initiator left once aliases of merged actors are resolved as the store
 *    will resolve them, external ids repeated within the file), and the good ones are
 *    spooled, parsed, to a temporary file (row-spool.ts); memory stays flat in the file's length, and problems are handed to
 *    `onProblem` as they are found: check-interaction-rows.ts.
 * 3. With any problem and without `skipInvalid`, nothing is written. Otherwise the actors
 *    that are new or changed are upserted (one batch, write-actor-rows.ts), then the spooled
 *    interactions are recorded in batches of `batchSize` (one transaction each,
 *    DEFAULT_IMPORT_BATCH_SIZE by default, write-interaction-rows.ts; the audit log gets one
 *    entry per batch, naming the interactions file). Interactions whose
 *    external id is already stored are not written again: re-importing a file adds nothing.
 *
 * If the store fails in the middle of step 3, the batches already committed stay; running
 * the same import again completes it without duplicates.
 */

/**
 * Interactions per write transaction, by store. The embedded store gains from large ones:
 * each commit syncs the disk and rewrites every page of the by-actor index it touches, so
 * fewer, larger commits write faster for some more memory (`npm run bench:import`).
 * Neo4j keeps the size its transactions were tried with.
 */
export const DEFAULT_IMPORT_BATCH_SIZE: Readonly<Record<Store['kind'], number>> = { sqlite: 50_000, neo4j: 20_000 };

export interface ImportSources {
  readonly actors: RowSource<ActorField> | null;
  readonly interactions: RowSource<InteractionField> | null;
}

export interface ImportOptions {
  /** Write the good rows even when some are bad (the bad ones are still reported). */
  readonly skipInvalid?: boolean;
  readonly batchSize?: number;
  /** Called for each problem, in the order found. */
  readonly onProblem?: (problem: ImportProblem) => void;
  /**
   * Called for what does not stop the import but the user should know: columns ignored, a new
   * actor named as another, a row under a merged actor's id (not written).
   */
  readonly onWarning?: (warning: ImportProblem) => void;
  /** Ids for new interactions; time-ordered UUIDs by default. */
  readonly newId?: () => string;
  /** Told when each step starts: for progress output and the benchmark's timings. */
  readonly onStep?: (step: ImportStep) => void;
}

export type ImportStep = 'checking' | 'writing' | 'done';

export interface ImportResult {
  readonly actors: TableCounts | null;
  readonly interactions: TableCounts | null;
  /** Problems reported (a row may have several). */
  readonly problemCount: number;
  /** Whether the store was written to (false when problems stopped the import). */
  readonly wrote: boolean;
}

export async function importRows(store: Store, sources: ImportSources, options: ImportOptions = {}): Promise<ImportResult> {
  const skipInvalid = options.skipInvalid ?? false;
  const batchSize = options.batchSize ?? DEFAULT_IMPORT_BATCH_SIZE[store.kind];
  let problemCount = 0;
  const report = (problem: ImportProblem): void => {
    problemCount += 1;
    options.onProblem?.(problem);
  };

  for (const warning of [...(sources.actors?.warnings ?? []), ...(sources.interactions?.warnings ?? [])]) options.onWarning?.(warning);
  options.onStep?.('checking');
  const spool = await RowSpool.create<SpooledInteraction>();
  try {
    const actors = sources.actors ? await checkActorRows(store, sources.actors, report) : null;
    const directory = new ActorDirectory(
      store,
      new Set(actors?.valid.keys() ?? []),
      actors?.invalid ?? new Map(),
      sources.actors?.file ?? null,
    );
    // The store resolves aliases of merged actors when it records; the check must see the same ids.
    if (sources.interactions) await directory.resolveFileAliases();
    const interactions = sources.interactions ? await checkInteractionRows(sources.interactions, directory, spool, report) : null;

    if (problemCount > 0 && !skipInvalid) {
      options.onStep?.('done');
      return {
        actors: actors && { read: actors.read, written: 0, skipped: actors.badRows, alreadyPresent: 0, alreadyPresentDifferent: 0 },
        interactions: interactions && {
          read: interactions.read,
          written: 0,
          skipped: interactions.badRows,
          alreadyPresent: 0,
          alreadyPresentDifferent: 0,
        },
        problemCount,
        wrote: false,
      };
    }

    options.onStep?.('writing');
    const actorCounts = actors && {
      read: actors.read,
      skipped: actors.badRows,
      ...(await writeActorRows(store, sources.actors!, actors.valid, options.onWarning)),
    };
    const interactionCounts = interactions && {
      read: interactions.read,
      skipped: interactions.badRows,
      ...(await writeInteractionRows(
        store,
        spool,
        interactions.bad,
        batchSize,
        options.newId ?? newInteractionId,
        sources.interactions!.file,
      )),
    };
    options.onStep?.('done');
    return { actors: actorCounts, interactions: interactionCounts, problemCount, wrote: true };
  } finally {
    await spool.dispose();
  }
}
