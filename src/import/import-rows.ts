import type { Actor, ActorInput } from '../domain/actor';
import { sameActor, validateActorInput } from '../domain/actor';
import { describeValue } from '../domain/errors';
import { newInteractionId, type Interaction, type InteractionKind } from '../domain/interaction';
import type { Store } from '../store/store';
import { ActorDirectory, rowName } from './actor-directory';
import { checkActorRow } from './actor-row';
import { requiredText } from './cell-values';
import { FingerprintSet } from './fingerprint-set';
import type { ActorField, InteractionField } from './import-format';
import type { ImportProblem } from './import-problem';
import type { RowCheck } from './actor-row';
import { checkInteractionRow, interactionOf, type ActorCheck, type CheckedInteraction } from './interaction-row';
import { RowSpool } from './row-spool';
import type { RowSource, SourceRow } from './row-source';
import { differsFromStored } from '../services/interaction-service';

/**
 * The import use case: validate everything, then write once.
 *
 * 1. Actors: the whole actors table is read and checked (fields, ids repeated within the
 *    file, affiliations naming a known actor — in the file or in the store).
 * 2. Interactions: every row is read once and checked (fields, actors known, external ids
 *    repeated within the file), and the good ones are spooled, parsed, to a temporary file
 *    (row-spool.ts). Memory stays flat in the file's length: the pass keeps a 64-bit
 *    fingerprint per external id, one bit per row (bad or not) and the store's answers per
 *    distinct actor id; problems are handed to `onProblem` as they are found. Fingerprints
 *    seen twice are confirmed against the real ids by reading the file again (only when
 *    there are such candidates).
 * 3. With any problem and without `skipInvalid`, nothing is written. Otherwise the actors
 *    that are new or changed are upserted (one batch), then the spooled interactions are
 *    recorded in batches of `batchSize` (one transaction each, DEFAULT_IMPORT_BATCH_SIZE by
 *    default). Interactions whose external id is already stored are not written again:
 *    re-importing a file adds nothing.
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
  /** Ids for new interactions; time-ordered UUIDs by default. */
  readonly newId?: () => string;
  /** Told when each step starts: for progress output and the benchmark's timings. */
  readonly onStep?: (step: ImportStep) => void;
}

export type ImportStep = 'checking' | 'writing' | 'done';

export interface TableCounts {
  /** Data rows in the file. */
  readonly read: number;
  /** Rows written: new actors or changed ones; new interactions. */
  readonly written: number;
  /** Bad rows, not written. */
  readonly skipped: number;
  /** Rows that were in the store already, unchanged: not written again. */
  readonly alreadyPresent: number;
  /** Interactions whose externalId was in the store already with other data: not written (the stored one is kept). */
  readonly alreadyPresentDifferent: number;
}

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

  options.onStep?.('checking');
  const spool = await RowSpool.create<SpooledInteraction>();
  try {
    const actors = sources.actors ? await checkActors(store, sources.actors, report) : null;
    const directory = new ActorDirectory(
      store,
      new Set(actors?.valid.keys() ?? []),
      actors?.invalid ?? new Map(),
      sources.actors?.file ?? null,
    );
    const interactions = sources.interactions ? await checkInteractions(sources.interactions, directory, spool, report) : null;

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
    const actorCounts = actors && { read: actors.read, skipped: actors.badRows, ...(await writeActors(store, actors.valid)) };
    const interactionCounts = interactions && {
      read: interactions.read,
      skipped: interactions.badRows,
      ...(await writeInteractions(store, spool, interactions.bad, batchSize, options.newId ?? newInteractionId)),
    };
    options.onStep?.('done');
    return { actors: actorCounts, interactions: interactionCounts, problemCount, wrote: true };
  } finally {
    await spool.dispose();
  }
}

type Report = (problem: ImportProblem) => void;

function problemAt<F extends string>(source: RowSource<F>, row: SourceRow<F>, field: F | null, reason: string): ImportProblem {
  return { file: source.file, line: row.line, path: row.path, column: field === null ? null : source.columnOf(field), reason };
}

interface CheckedActors {
  readonly read: number;
  readonly badRows: number;
  /** Valid rows by id, in file order, with where they are. */
  readonly valid: Map<string, { readonly input: ActorInput; readonly at: string }>;
  /** Ids whose rows are all invalid → where the first one is. */
  readonly invalid: Map<string, string>;
}

async function checkActors(store: Store, source: RowSource<ActorField>, report: Report): Promise<CheckedActors> {
  const valid = new Map<string, { input: ActorInput; at: string; ordinal: number }>();
  const invalid = new Map<string, string>();
  const firstRow = new Map<string, string>();
  const found: { ordinal: number; problem: ImportProblem }[] = [];
  const bad = new Set<number>();
  let read = 0;
  const flag = (row: SourceRow<ActorField>, field: ActorField | null, reason: string): void => {
    found.push({ ordinal: row.ordinal, problem: problemAt(source, row, field, reason) });
    bad.add(row.ordinal);
  };

  await source.scan((row) => {
    read += 1;
    const id = requiredText(row.cells.id);
    const at = rowName(row);
    if (row.rowProblem !== null) {
      flag(row, null, row.rowProblem);
    } else {
      const check = checkActorRow(row.cells);
      for (const problem of check.problems) flag(row, problem.field, problem.reason);
      if (id.ok) {
        const first = firstRow.get(id.value);
        if (first !== undefined) flag(row, 'id', `${describeValue(id.value)} appears more than once in the file (first on ${first})`);
      }
      if (check.input && !bad.has(row.ordinal)) valid.set(check.input.id, { input: check.input, at, ordinal: row.ordinal });
    }
    if (id.ok) {
      if (!firstRow.has(id.value)) firstRow.set(id.value, at);
      if (bad.has(row.ordinal) && !valid.has(id.value) && !invalid.has(id.value)) invalid.set(id.value, at);
    }
  });

  // Affiliations must name a known actor: a valid row of this file or an actor in the store.
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
        found.push({
          ordinal: actor.ordinal,
          problem: {
            file: source.file,
            ...locate(actor.at),
            column: source.columnOf('affiliationId'),
            reason: `${describeValue(affiliationId)} ${why}`,
          },
        });
        bad.add(actor.ordinal);
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

/** Turns a rowName back into the problem's line/path. */
function locate(at: string): { line: number | null; path: string | null } {
  const match = /^line (\d+)$/.exec(at);
  return match ? { line: Number(match[1]), path: null } : { line: null, path: at };
}

interface CheckedInteractions {
  readonly read: number;
  readonly badRows: number;
  readonly bad: RowSet;
}

/** A checked interaction row, as spooled: [ordinal, externalId, kind, occurredAt (epoch ms), initiatorId, participantIds, weight, note]. */
type SpooledInteraction = [number, string, InteractionKind, number, string, string[], number | null, string | null];

async function checkInteractions(
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
    const firstLook = checkInteractionRow(row.cells, knownSoFar);
    const pending = unresolved.length === 0 ? null : directory.resolve(unresolved);
    if (pending === null) return accept(row, firstLook) ?? undefined;
    return pending.then(() => accept(row, checkInteractionRow(row.cells, directory.whyUnknown)) ?? undefined);
  });

  if (candidates.size > 0) {
    // Confirm the repeated fingerprints against the ids themselves.
    const firstRow = new Map<string, string>();
    await source.scan((row) => {
      if (row.rowProblem !== null) return;
      const externalId = requiredText(row.cells.externalId);
      if (!externalId.ok || !candidates.has(externalId.value)) return;
      const first = firstRow.get(externalId.value);
      if (first === undefined) {
        firstRow.set(externalId.value, rowName(row));
      } else {
        const reason = `${describeValue(externalId.value)} appears more than once in the file (first on ${first})`;
        report(problemAt(source, row, 'externalId', reason));
        bad.add(row.ordinal);
      }
    });
  }
  return { read, badRows: bad.size, bad };
}

async function writeActors(
  store: Store,
  valid: ReadonlyMap<string, { readonly input: ActorInput; readonly at: string }>,
): Promise<{ written: number; alreadyPresent: number; alreadyPresentDifferent: number }> {
  const actors = [...valid.values()].map(({ input, at }) => validateActorInput(input, at));
  const changed: Actor[] = [];
  for (let start = 0; start < actors.length; start += 1000) {
    const chunk = actors.slice(start, start + 1000);
    const stored = await store.getActorsByIds(chunk.map((actor) => actor.id));
    chunk.forEach((actor, i) => {
      if (!sameActor(actor, stored[i] ?? null)) changed.push(actor);
    });
  }
  // One batch, so an affiliation may name an actor further down the file.
  if (changed.length > 0) await store.upsertActors(changed);
  return { written: changed.length, alreadyPresent: actors.length - changed.length, alreadyPresentDifferent: 0 };
}

async function writeInteractions(
  store: Store,
  spool: RowSpool<SpooledInteraction>,
  bad: RowSet,
  batchSize: number,
  newId: () => string,
): Promise<{ written: number; alreadyPresent: number; alreadyPresentDifferent: number }> {
  let written = 0;
  let alreadyPresent = 0;
  let alreadyPresentDifferent = 0;
  let batch: Interaction[] = [];
  const flush = async (): Promise<void> => {
    const recorded = await store.recordInteractions(batch);
    const sent = batch;
    batch = [];
    for (const [i, { created, interaction }] of recorded.entries()) {
      if (created) written += 1;
      else if (await differsFromStored(store, sent[i]!, interaction)) alreadyPresentDifferent += 1;
      else alreadyPresent += 1;
    }
  };
  for await (const rows of spool.read()) {
    for (const [ordinal, externalId, kind, occurredAt, initiatorId, participantIds, weight, note] of rows) {
      if (bad.has(ordinal)) continue; // a repeated external id, found after the row was spooled
      const checked = { externalId, kind, occurredAt: new Date(occurredAt), initiatorId, participantIds, weight, note };
      batch.push(interactionOf(checked, newId()));
      if (batch.length >= batchSize) await flush();
    }
  }
  if (batch.length > 0) await flush();
  return { written, alreadyPresent, alreadyPresentDifferent };
}

/** A growable set of row ordinals: one bit per row. */
class RowSet {
  private bits = new Uint8Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(ordinal: number): void {
    if (ordinal >> 3 >= this.bits.length) {
      const grown = new Uint8Array(Math.max(this.bits.length * 2, (ordinal >> 3) + 1));
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (ordinal & 7);
    if ((this.bits[ordinal >> 3]! & mask) === 0) {
      this.bits[ordinal >> 3]! |= mask;
      this.count += 1;
    }
  }

  has(ordinal: number): boolean {
    return ordinal >> 3 < this.bits.length && (this.bits[ordinal >> 3]! & (1 << (ordinal & 7))) !== 0;
  }
}
