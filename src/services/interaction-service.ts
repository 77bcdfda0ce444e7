import { validateInteractionBatch, type Interaction, type InteractionInput } from '../domain/interaction';
import { decodeInteractionCursor, EMPTY_PAGE, encodeInteractionCursor, validatePageSize } from '../domain/page';
import type { InteractionFilter, RecordedInteraction, Store } from '../store/store';
import { validateFilterRange } from './filter-range';
import type { Connection } from './connection';

/** Use cases on interactions: validate, then ask the store. */
export class InteractionService {
  constructor(private readonly store: Store) {}

  /** Records a batch atomically; an already-recorded externalId yields the stored interaction. */
  async recordInteractions(inputs: readonly InteractionInput[]): Promise<RecordedInteraction[]> {
    return this.store.recordInteractions(validateInteractionBatch(inputs));
  }

  async listInteractions(
    filter: InteractionFilter,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<Interaction>> {
    validateFilterRange(filter);
    const size = validatePageSize(first);
    const cursor = decodeInteractionCursor(after);
    const page = size === 0 ? EMPTY_PAGE : await this.store.listInteractions(filter, { first: size, after: cursor });
    return {
      edges: page.items.map((node) => ({ node, cursor: encodeInteractionCursor({ occurredAt: node.occurredAt.getTime(), id: node.id }) })),
      hasNextPage: page.hasNextPage,
      totalCount: () => this.store.countInteractions(filter),
    };
  }
}
