import type { Author } from '../domain/access';
import { checkBatchSize } from '../domain/batch-size';
import { requireNonEmpty, validateActorBatch, type Actor, type ActorInput } from '../domain/actor';
import { checkText } from '../domain/text-rules';
import { decodeActorCursor, EMPTY_PAGE, encodeActorCursor, validatePageSize } from '../domain/page';
import type { ActorFilter, Store } from '../store/store';
import type { Connection } from './connection';

/** Use cases on actors: validate, then ask the store. */
export class ActorService {
  constructor(private readonly store: Store) {}

  async upsertActors(inputs: readonly ActorInput[], author?: Author): Promise<Actor[]> {
    checkBatchSize(inputs, 'actors');
    return this.store.upsertActors(validateActorBatch(inputs), author);
  }

  /** Merges a duplicate into the actor it duplicates; the duplicate's id becomes an alias. */
  mergeActors(sourceId: string, targetId: string, allowKindChange: boolean, author: Author): Promise<Actor> {
    return this.store.mergeActors(actorId(sourceId, 'sourceId'), actorId(targetId, 'targetId'), { allowKindChange }, author);
  }

  /** Deletes an actor nothing refers to (otherwise: merge it). */
  deleteActor(id: string, author: Author): Promise<Actor> {
    return this.store.deleteActor(actorId(id, 'id'), author);
  }

  /** DataLoader's batch function: one actor or null per id, in the order asked. */
  async getActorsByIds(ids: readonly string[]): Promise<(Actor | null)[]> {
    return this.store.getActorsByIds(ids);
  }

  async getActor(id: string): Promise<Actor | null> {
    const [actor] = await this.store.getActorsByIds([id]);
    return actor ?? null;
  }

  async listActors(filter: ActorFilter, first: number | null | undefined, after: string | null | undefined): Promise<Connection<Actor>> {
    const size = validatePageSize(first);
    const cursor = decodeActorCursor(after);
    const page = size === 0 ? EMPTY_PAGE : await this.store.listActors(filter, { first: size, after: cursor });
    return {
      edges: page.items.map((node) => ({ node, cursor: encodeActorCursor(node) })),
      hasNextPage: page.hasNextPage,
      totalCount: () => this.store.countActors(filter),
    };
  }
}

function actorId(value: string, field: string): string {
  return checkText(requireNonEmpty(value, field), 'id', field);
}
