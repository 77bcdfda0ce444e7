import type { Interaction } from '../domain/interaction';
import { differsFromStored } from '../services/interaction-service';
import type { Store } from '../store/store';
import type { SpooledInteraction } from './check-interaction-rows';
import { interactionOf } from './interaction-row';
import type { RowSet } from './row-set';
import type { RowSpool } from './row-spool';
import type { WriteCounts } from './table-counts';

/**
 * Records the spooled interactions, but those of `bad` rows, in batches of `batchSize` (one
 * transaction, and one INTERACTION_BATCH audit entry naming `source`, each). Interactions whose
 * external id is already stored are not written again: re-importing a file adds nothing.
 */
export async function writeInteractionRows(
  store: Store,
  spool: RowSpool<SpooledInteraction>,
  bad: RowSet,
  batchSize: number,
  newId: () => string,
  source: string,
): Promise<WriteCounts> {
  let written = 0;
  let alreadyPresent = 0;
  let alreadyPresentDifferent = 0;
  let batch: Interaction[] = [];
  const flush = async (): Promise<void> => {
    const recorded = await store.recordInteractions(batch, undefined, source);
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
