import type { Actor } from '../domain/actor';
import { normalizeText } from '../domain/text-rules';
import type { Store } from '../store/store';

/**
 * One actor or null per id, in the order asked: each id as given, and an id that finds nothing
 * again in NFC (text-rules.ts), so `e` + U+0301 finds the actor stored as `é`. As given first:
 * ids come from the store too (an interaction's initiator), and a file written before writes were
 * normalised may hold an id that is not NFC.
 */
export async function actorsByIdsOrNfc(store: Store, ids: readonly string[]): Promise<(Actor | null)[]> {
  const found = await store.getActorsByIds(ids);
  const missed: number[] = [];
  for (let i = 0; i < ids.length; i += 1) if (found[i] === null && normalizeText(ids[i]!) !== ids[i]) missed.push(i);
  if (missed.length === 0) return found;
  const again = await store.getActorsByIds(missed.map((i) => normalizeText(ids[i]!)));
  const all = [...found];
  missed.forEach((i, k) => (all[i] = again[k] ?? null));
  return all;
}
