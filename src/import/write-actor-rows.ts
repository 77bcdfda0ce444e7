import { chunks } from '../domain/chunks';
import { nameTwinMessage, nameTwins } from '../domain/actor-names';
import { sameActor, validateActorInput, type Actor } from '../domain/actor';
import type { Store } from '../store/store';
import type { ActorRow } from './check-actor-rows';
import type { ActorField } from './import-format';
import type { ImportProblem } from './import-problem';
import { problemAt } from './row-problem';
import { rowName } from './row-location';
import type { RowSource } from './row-source';
import type { WriteCounts } from './table-counts';

/**
 * Upserts the checked actors that are new or differ from the stored ones, in one batch. A row
 * under the id of a merged actor is not written (it would overwrite the actor it was merged
 * into; re-importing the file it came from writes nothing): counted as already present, with a
 * warning. So is a new actor named as another (written).
 */
export async function writeActorRows(
  store: Store,
  source: RowSource<ActorField>,
  valid: ReadonlyMap<string, ActorRow>,
  onWarning: (warning: ImportProblem) => void = () => {},
): Promise<WriteCounts> {
  const rows = [...valid.values()];
  const actors = rows.map(({ input, at }) => validateActorInput(input, rowName(at)));
  const changed: Actor[] = [];
  const fresh: { index: number; id: string; name: string }[] = [];
  for (const [c, chunk] of chunks(actors, 1000).entries()) {
    const stored = await store.getActorsByIds(chunk.map((actor) => actor.id));
    chunk.forEach((actor, i) => {
      const found = stored[i] ?? null;
      const index = c * 1000 + i;
      if (found !== null && found.id !== actor.id) {
        const reason = `${JSON.stringify(actor.id)} was merged into ${JSON.stringify(found.id)}; the row is not written (change ${JSON.stringify(found.id)} instead)`;
        onWarning(problemAt(source, rows[index]!.at, 'id', reason));
        return;
      }
      if (found === null) fresh.push({ index, id: actor.id, name: actor.name });
      if (!sameActor(actor, found)) changed.push(actor);
    });
  }
  for (const chunk of chunks(fresh, 1000)) {
    for (const twin of nameTwins(chunk, await store.findActorsByNames(chunk.map((actor) => actor.name)))) {
      onWarning(problemAt(source, rows[twin.index]!.at, 'name', nameTwinMessage(twin)));
    }
  }
  // One batch, so an affiliation may name an actor further down the file.
  if (changed.length > 0) await store.upsertActors(changed);
  return { written: changed.length, alreadyPresent: actors.length - changed.length, alreadyPresentDifferent: 0 };
}
