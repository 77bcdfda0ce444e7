import { FreshReads } from '../../../src/store/neo4j/fresh-reads';

/** FreshReads: concurrent callers share reads, and none is answered by a read sent before it called. */

/** A read whose answers the test releases by hand; `value` is what the store holds at each read's start. */
function manualReads() {
  const started: { key: string; valueAtStart: number; release: () => void; fail: (error: Error) => void }[] = [];
  let value = 0;
  const reads = new FreshReads<string, number>(
    (key) =>
      new Promise<number>((resolve, reject) => {
        const valueAtStart = value;
        started.push({ key, valueAtStart, release: () => resolve(valueAtStart), fail: reject });
      }),
  );
  return { reads, started, write: () => (value += 1) };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('FreshReads', () => {
  it('answers callers that came during a read from the next read, started after it, shared by all of them', async () => {
    const { reads, started, write } = manualReads();
    const first = reads.get('k');
    write(); // committed after the first read was sent: the callers below must see it
    const second = reads.get('k');
    const third = reads.get('k');
    expect(started).toHaveLength(1);
    started[0]!.release();
    expect(await first).toBe(0);
    await turn();
    expect(started).toHaveLength(2);
    started[1]!.release();
    expect([await second, await third]).toEqual([1, 1]);
    // Idle again: the next caller starts a read of its own at once.
    const fourth = reads.get('k');
    expect(started).toHaveLength(3);
    started[2]!.release();
    expect(await fourth).toBe(1);
  });

  it('keeps keys apart, and a failed read fails only its own callers, the queued ones reading again', async () => {
    const { reads, started } = manualReads();
    const a = reads.get('a');
    const b = reads.get('b');
    const queued = reads.get('a');
    expect(started.map((read) => read.key)).toEqual(['a', 'b']);
    started[0]!.fail(new Error('lost connection'));
    await expect(a).rejects.toThrow('lost connection');
    await turn();
    expect(started.map((read) => read.key)).toEqual(['a', 'b', 'a']);
    started[2]!.release();
    started[1]!.release();
    expect([await queued, await b]).toEqual([0, 0]);
  });
});
