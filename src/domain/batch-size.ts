import { InvalidInputError } from './errors';

/**
 * The most items one mutation may carry (actors to upsert, interactions to record, ids to
 * delete or restore). Each write is one synchronous transaction on the server's only thread,
 * so its size is what every other request waits for: 500 items write in a few tens of
 * milliseconds. More goes through `copnet import`, which writes in large batches off the server.
 */
export const MAX_MUTATION_BATCH = 500;

/** Refuses a list longer than `most`, before any item of it is looked at. */
export function checkBatchSize(items: readonly unknown[], field: string, most: number = MAX_MUTATION_BATCH): void {
  if (Array.isArray(items) && items.length > most) {
    throw new InvalidInputError(
      field,
      `${items.length.toLocaleString('en-US')} items`,
      `is over the most one mutation may carry, ${most.toLocaleString('en-US')}; send several mutations, or import files with \`copnet import\``,
    );
  }
}
