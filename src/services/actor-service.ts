import type { Author } from '../domain/access';
import { nameTwinMessage, nameTwins } from '../domain/actor-names';
import { checkBatchSize } from '../domain/batch-size';
import { requireNonEmpty, validateActorBatch, type Actor, type ActorInput } from '../domain/actor';
import { normalizedFilter } from '../domain/filter-conditions';
import { checkText } from '../domain/text-rules';
import { actorsByIdsOrNfc } from './actor-lookup';
import { decodeActorCursor, EMPTY_PAGE, encodeActorCursor, validatePageSize } from '../domain/page';
import type { ActorFilter, Store } from '../store/store';
import type { Connection } from './connection';

/** Use cases on actors: validate, then ask the store. */
export class ActorService {
  constructor(private readonly store: Store) {}

  /**
   * Validates and upserts a batch. Written, with a warning each: a row under a merged actor's id
   * (not written: it names the actor it was merged into) and a new actor named as another.
   */
  async upsertActors(inputs: readonly ActorInput[], author?: Author): Promise<UpsertedActors> {
    checkBatchSize(inputs, 'actors');
    const actors = validateActorBatch(inputs);
    const before = await this.store.getActorsByIds(actors.map((actor) => actor.id));
    const warnings: ActorWarning[] = [];
    const fresh: { index: number; id: string; name: string }[] = [];
    actors.forEach((actor, index) => {
      const found = before[index] ?? null;
      if (found === null) fresh.push({ index, id: actor.id, name: actor.name });
      else if (found.id !== actor.id) {
        warnings.push({
          code: 'MERGED_ACTOR_ID',
          field: `actors[${index}].id`,
          message: `actors[${index}].id: ${JSON.stringify(actor.id)} was merged into ${JSON.stringify(found.id)}; the row is not written and ${JSON.stringify(found.id)} is returned as stored (upsert ${JSON.stringify(found.id)} to change it)`,
          id: found.id,
        });
      }
    });
    if (fresh.length > 0) {
      for (const twin of nameTwins(fresh, await this.store.findActorsByNames(fresh.map((actor) => actor.name)))) {
        warnings.push({
          code: 'SAME_NAME_AS_ACTOR',
          field: `actors[${twin.index}].name`,
          message: `actors[${twin.index}].name: ${nameTwinMessage(twin)}`,
          id: twin.twinId,
        });
      }
      warnings.sort((a, b) => batchIndex(a.field) - batchIndex(b.field));
    }
    return { actors: await this.store.upsertActors(actors, author), warnings };
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
    return actorsByIdsOrNfc(this.store, ids);
  }

  async getActor(id: string): Promise<Actor | null> {
    const [actor] = await this.getActorsByIds([id]);
    return actor ?? null;
  }

  async listActors(filter: ActorFilter, first: number | null | undefined, after: string | null | undefined): Promise<Connection<Actor>> {
    const size = validatePageSize(first);
    const cursor = decodeActorCursor(after);
    const stored = normalizedFilter(filter, ['region', 'tag', 'search']);
    const page = size === 0 ? EMPTY_PAGE : await this.store.listActors(stored, { first: size, after: cursor });
    return {
      edges: page.items.map((node) => ({ node, cursor: encodeActorCursor(node) })),
      hasNextPage: page.hasNextPage,
      totalCount: () => this.store.countActors(stored),
    };
  }
}

/** What upsertActors wrote, in input order, and what the caller should know about it. */
export interface UpsertedActors {
  readonly actors: Actor[];
  readonly warnings: readonly ActorWarning[];
}

/** A row accepted with a remark: `id` is the actor the remark is about (the merge target, the twin). */
export interface ActorWarning {
  readonly code: 'MERGED_ACTOR_ID' | 'SAME_NAME_AS_ACTOR';
  readonly field: string;
  readonly message: string;
  readonly id: string;
}

function batchIndex(field: string): number {
  return Number(/^actors\[(\d+)\]/.exec(field)?.[1] ?? 0);
}

function actorId(value: string, field: string): string {
  return checkText(requireNonEmpty(value, field), 'id', field);
}
