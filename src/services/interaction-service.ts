import type { Author } from '../domain/access';
import { checkBatchSize } from '../domain/batch-size';
import { applyInteractionPatch, samePayload, validateIdList, validateReason, type InteractionPatch } from '../domain/correction';
import { InvalidInputError } from '../domain/errors';
import { validateInteractionBatch, type Interaction, type InteractionInput } from '../domain/interaction';
import { decodeInteractionCursor, EMPTY_PAGE, encodeInteractionCursor, validatePageSize } from '../domain/page';
import type { InteractionFilter, RecordedInteraction, Store } from '../store/store';
import { refuseBlankConditions } from '../domain/filter-conditions';
import { normalizeText } from '../domain/text-rules';
import { actorsByIdsOrNfc } from './actor-lookup';
import { validateFilterRange } from './filter-range';
import type { Connection } from './connection';

/** Use cases on interactions: validate, then ask the store. */
export class InteractionService {
  constructor(private readonly store: Store) {}

  /**
   * Records a batch atomically; an already-recorded externalId yields the stored interaction,
   * with `deleted` true when that one is deleted (nothing is recorded: it stays deleted) and
   * `differs` true when what was sent is not what is stored (aliases of merged actors resolved
   * before comparing).
   */
  async recordInteractions(inputs: readonly InteractionInput[], author?: Author): Promise<ReportedInteraction[]> {
    checkBatchSize(inputs, 'interactions');
    const sent = validateInteractionBatch(inputs);
    const recorded = await this.store.recordInteractions(sent, author, 'api');
    const twins = recorded.filter((result) => !result.created).map((result) => result.interaction.id);
    // Reads leave deleted interactions out, so a stored twin that is not found is a deleted one.
    const live = new Set(
      twins.length === 0 ? [] : (await this.store.getInteractionsByIds(twins)).flatMap((found) => (found ? [found.id] : [])),
    );
    return Promise.all(
      recorded.map(async (result, i) => {
        const deleted = !result.created && !live.has(result.interaction.id);
        return { ...result, deleted, differs: !result.created && !deleted && (await this.differs(sent[i]!, result.interaction)) };
      }),
    );
  }

  private differs(sent: Interaction, stored: Interaction): Promise<boolean> {
    return differsFromStored(this.store, sent, stored);
  }

  /**
   * The filter with its actorId resolved: the id of a merged actor names the actor it was merged
   * into; the id as given is looked up before its NFC form, as actor(id:) does (actor-lookup.ts).
   */
  async resolveFilterActor(filter: InteractionFilter): Promise<InteractionFilter> {
    refuseBlankConditions(filter, ['actorId']);
    if (!filter.actorId) return filter;
    const [actor] = await actorsByIdsOrNfc(this.store, [filter.actorId]);
    return { ...filter, actorId: actor?.id ?? normalizeText(filter.actorId) };
  }

  /** Corrects one interaction: the patch is applied and validated like a new interaction. */
  async updateInteraction(id: string, patch: InteractionPatch, author: Author): Promise<Interaction> {
    const [current] = await this.store.getInteractionsByIds([id]);
    if (!current) throw new InvalidInputError('id', id, 'is not a known interaction (or it is deleted: restore it first)');
    return this.store.updateInteraction(applyInteractionPatch(current, patch), author);
  }

  deleteInteractions(ids: readonly string[], reason: string, author: Author): Promise<Interaction[]> {
    return this.store.deleteInteractions(validateIdList(ids), validateReason(reason), author);
  }

  restoreInteractions(ids: readonly string[], author: Author): Promise<Interaction[]> {
    return this.store.restoreInteractions(validateIdList(ids), author);
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

export interface ReportedInteraction extends RecordedInteraction {
  /** true when an already-stored externalId came with a different payload (the stored one is kept). */
  readonly differs: boolean;
  /** true when the already-stored externalId is a deleted interaction's: it stays deleted, nothing was recorded. */
  readonly deleted: boolean;
}

/**
 * Whether an interaction sent again (same externalId or id) carries other data than the stored
 * one; actor ids that are aliases of merged actors are resolved first, so they are no difference.
 */
export async function differsFromStored(store: Pick<Store, 'resolveActorIds'>, sent: Interaction, stored: Interaction): Promise<boolean> {
  const same = (candidate: Interaction) => samePayload({ ...candidate, externalId: stored.externalId }, stored);
  if (same(sent)) return false;
  const [initiatorId, ...participantIds] = await store.resolveActorIds([sent.initiatorId, ...sent.participantIds]);
  return !same({
    ...sent,
    initiatorId: initiatorId!,
    participantIds: participantIds.filter((id, p) => id !== initiatorId && participantIds.indexOf(id) === p),
  });
}
