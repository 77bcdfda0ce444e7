import { Command } from 'commander';
import { registerMigrateStoreCommand } from '../../src/cli/migrate-store-command';
import type { Actor } from '../../src/domain/actor';
import type { Interaction } from '../../src/domain/interaction';
import type { Store } from '../../src/store/store';

/** Everything a store holds, in its documented order: actors by id, interactions by (occurredAt, id). */
export async function storeContents(store: Store): Promise<{ actors: Actor[]; interactions: Interaction[] }> {
  const actors: Actor[] = [];
  for await (const a of store.streamActors()) actors.push(a);
  const interactions: Interaction[] = [];
  for await (const i of store.streamWindow({ from: new Date(-8.64e15), to: new Date(8.64e15) })) interactions.push(i);
  return { actors, interactions };
}

/** Runs `copnet migrate-store --from … --to …` as the command line does; resolves with its printed lines. */
export async function runMigrateStore(from: string, to: string): Promise<string[]> {
  const out: string[] = [];
  const program = new Command().exitOverride();
  registerMigrateStoreCommand(program, { out: (line) => out.push(line), progress: () => undefined });
  await program.parseAsync(['migrate-store', '--from', from, '--to', to], { from: 'user' });
  return out;
}
