import type { DemoRandom } from '../../src/demo/random';

/** A generated interaction's actors (numbers below actorCount): an initiator and 1–3 distinct others. */
export function randomActors(random: DemoRandom, actorCount: number): { initiator: number; participants: number[] } {
  const initiator = random.int(0, actorCount - 1);
  const participants = new Set<number>();
  const size = random.int(1, 3);
  while (participants.size < size) {
    const p = random.int(0, actorCount - 1);
    if (p !== initiator) participants.add(p);
  }
  return { initiator, participants: [...participants] };
}
