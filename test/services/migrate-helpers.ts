import { Command } from 'commander';
import { registerMigrateStoreCommand } from '../../src/cli/migrate-store-command';
import type { Actor } from '../../src/domain/actor';
import type { Interaction } from '../../src/domain/interaction';
import type { Store } from '../../src/store/store';

/** An actor named after its id, without region, tags or affiliation unless `extra` gives them. */
export function actor(id: string, kind: Actor['kind'], extra: Partial<Actor> = {}): Actor {
  return { id, name: `Name of ${id}`, kind, region: null, tags: [], affiliationId: null, ...extra };
}

/** Ids sorted so that streaming by id meets schools before their intermediary, an affiliation chain, and a cycle. */
export const MIGRATION_ACTORS: Actor[] = [
  actor('a-school', 'SCHOOL', { affiliationId: 'z-intermediary', region: 'MD' }),
  actor('b-school', 'SCHOOL', { affiliationId: 'z-intermediary', tags: ['cohort-2019', 'rural'] }),
  actor('c-cycle', 'INTERMEDIARY', { affiliationId: 'd-cycle' }),
  actor('d-cycle', 'INTERMEDIARY', { affiliationId: 'c-cycle' }),
  actor('e-chain', 'SCHOOL', { affiliationId: 'f-chain' }),
  actor('f-chain', 'INTERMEDIARY', { affiliationId: 'g-foundation' }),
  actor('g-foundation', 'FOUNDATION', { region: 'WA', tags: ['funder', 'global'] }),
  actor('z-intermediary', 'INTERMEDIARY', { name: 'Zeta — “district” network, École Ω' }),
];

/** Everything a store holds, in its documented order: actors by id, interactions by (occurredAt, id). */
export async function storeContents(store: Store): Promise<{ actors: Actor[]; interactions: Interaction[] }> {
  const actors: Actor[] = [];
  for await (const a of store.streamActors()) actors.push(a);
  const interactions: Interaction[] = [];
  for await (const i of store.streamWindow({ from: new Date(-8.64e15), to: new Date(8.64e15) })) interactions.push(i);
  return { actors, interactions };
}

/** Runs `copnet migrate-store <args>` as the command line does; resolves with its printed lines. */
export async function runMigrateStoreCommand(args: string[]): Promise<string[]> {
  const out: string[] = [];
  const program = new Command().exitOverride();
  registerMigrateStoreCommand(program, { out: (line) => out.push(line), progress: () => undefined });
  await program.parseAsync(['migrate-store', ...args], { from: 'user' });
  return out;
}

/** Runs `copnet migrate-store --from … --to …`; resolves with its printed lines. */
export function runMigrateStore(from: string, to: string): Promise<string[]> {
  return runMigrateStoreCommand(['--from', from, '--to', to]);
}
