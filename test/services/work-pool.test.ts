import { getEventListeners } from 'node:events';
import { InteractionColumns } from '../../src/projection/interaction-columns';
import { WorkPool } from '../../src/services/work/work-pool';
import { runAsCaller } from '../../src/services/work/work-caller';
import type { SnapshotsTask } from '../../src/services/work/work-tasks';
import type { Actor } from '../../src/domain/actor';

/** A random network of n actors and m two-party interactions in January 2020 (fixed seed). */
function task(n: number, m: number): SnapshotsTask {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const actors: Actor[] = Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    name: `A ${i}`,
    kind: 'SCHOOL',
    region: null,
    tags: [],
    affiliationId: null,
  }));
  const columns = new InteractionColumns();
  const start = Date.UTC(2020, 0, 1);
  for (let i = 0; i < m; i++) {
    const a = Math.floor(next() * n);
    const b = (a + 1 + Math.floor(next() * (n - 1))) % n;
    columns.push({
      id: `i${i}`,
      externalId: null,
      kind: 'PEER_EXCHANGE',
      occurredAt: new Date(start + i),
      initiatorId: `a${a}`,
      participantIds: [`a${b}`],
      weight: 1,
      note: null,
    });
  }
  const window = { from: new Date(start), to: new Date(Date.UTC(2020, 1, 1)) };
  return {
    kind: 'snapshots',
    source: { kind: 'columns', columns: columns.parts(window.from.getTime(), window.to.getTime()), actors },
    windows: [window],
    request: { scope: {}, limit: 8 },
  };
}

describe('WorkPool', () => {
  const pool = new WorkPool({ threads: 1, maxQueued: 1 });
  afterAll(() => pool.close());

  it('measures a window on a worker thread', async () => {
    const [measured] = await pool.measure(task(4, 12));
    expect(measured!.figures.actorCount).toBe(4);
    expect(measured!.columns.ids).toEqual(['a0', 'a1', 'a2', 'a3']);
  });

  it('cancels a running task when its signal fires (its thread is replaced), and a queued one, then works on', async () => {
    const running = new AbortController();
    const queued = new AbortController();
    const big = pool.measure(task(4000, 40_000), running.signal);
    const waiting = pool.measure(task(4, 12), queued.signal);
    await expect(pool.measure(task(4, 12))).rejects.toThrow('The server has 1 metrics and export tasks waiting; try again shortly');
    queued.abort(new Error('client gone'));
    await expect(waiting).rejects.toThrow('client gone');
    setTimeout(() => running.abort(new Error('time is up')), 200);
    await expect(big).rejects.toThrow('time is up');
    expect(pool.cancelled).toEqual({ queued: 1, running: 1 });
    const [after] = await pool.measure(task(4, 12));
    expect(after!.figures.actorCount).toBe(4);
  });
});

describe('WorkPool listeners', () => {
  const pool = new WorkPool({ threads: 1, maxQueued: 64 });
  afterAll(() => pool.close());

  it('leaves no abort listener on a signal its tasks shared, once they are done', async () => {
    const controller = new AbortController();
    const tasks = Array.from({ length: 30 }, () => pool.measure(task(4, 12), controller.signal));
    // Queued tasks watch the signal (30 at most, one per task); none is left after they ran.
    expect(getEventListeners(controller.signal, 'abort').length).toBeGreaterThan(0);
    expect((await Promise.all(tasks)).map(([measured]) => measured!.figures.actorCount)).toEqual(Array(30).fill(4));
    expect(getEventListeners(controller.signal, 'abort')).toEqual([]);
  });
});

describe('WorkPool fair share', () => {
  const pool = new WorkPool({ threads: 1, maxQueued: 4 });
  afterAll(() => pool.close());

  it('lets one caller hold at most half the queue, and serves waiting callers in turn', async () => {
    const finished: string[] = [];
    const measure = (caller: string, label: string, n = 4, m = 12) =>
      runAsCaller(caller, () => pool.measure(task(n, m))).then(() => void finished.push(label));
    const big = measure('alice', 'alice-big', 4000, 40_000);
    const a1 = measure('alice', 'alice-1');
    const a2 = measure('alice', 'alice-2');
    await expect(runAsCaller('alice', () => pool.measure(task(4, 12)))).rejects.toThrow(
      "You have 2 metrics and export tasks waiting, your share of the server's queue; try again when they are done",
    );
    expect(pool.waiting).toBe(2);
    const b1 = measure('bob', 'bob-1');
    expect(pool.waiting).toBe(3);
    await Promise.all([big, a1, a2, b1]);
    expect(finished).toEqual(['alice-big', 'alice-1', 'bob-1', 'alice-2']);
  });
});
