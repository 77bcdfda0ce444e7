import { StreamedRange } from '../../src/services/streamed-range';

/** Records the order in which `until` promises settle. */
function watch(range: StreamedRange, log: string[], to: number): Promise<void> {
  return range.until(to).then(
    () => void log.push(`until ${to}`),
    (error: Error) => void log.push(`until ${to} failed: ${error.message}`),
  );
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

function append(range: StreamedRange, at: number): void {
  range.append(at, 'CONVENING', 1, 'a', ['b'], `i${at}`);
}

describe('StreamedRange', () => {
  it('releases each time once an interaction at or after it has come, in order of the times', async () => {
    const range = new StreamedRange();
    const log: string[] = [];
    // asked out of order: released by time
    const waits = [watch(range, log, 30), watch(range, log, 10), watch(range, log, 20), watch(range, log, 99)];
    append(range, 5);
    await turn();
    expect(log).toEqual([]);
    append(range, 10); // everything before 10 is in
    await turn();
    expect(log).toEqual(['until 10']);
    append(range, 25);
    await turn();
    expect(log).toEqual(['until 10', 'until 20']);
    // already passed: resolves at once
    await watch(range, log, 25);
    expect(log).toEqual(['until 10', 'until 20', 'until 25']);
    range.finish();
    await Promise.all(waits);
    expect(log).toEqual(['until 10', 'until 20', 'until 25', 'until 30', 'until 99']);
    expect(range.columns.length).toBe(3);
    expect(range.columns.countBetween(10, 30)).toBe(2);
    // after the end every time is reached
    await watch(range, log, 1e15);
    expect(log.at(-1)).toBe('until 1000000000000000');
  });

  it('gives a failed read to every waiter, now and later, and keeps what was read', async () => {
    const range = new StreamedRange();
    const log: string[] = [];
    const early = watch(range, log, 10);
    const pending = watch(range, log, 50);
    append(range, 12);
    await early;
    range.fail(new Error('Neo4j went away'));
    await pending;
    await watch(range, log, 60);
    expect(log).toEqual(['until 10', 'until 50 failed: Neo4j went away', 'until 60 failed: Neo4j went away']);
    range.fail('a second failure is ignored');
    await watch(range, log, 70);
    expect(log.at(-1)).toBe('until 70 failed: Neo4j went away');
    expect(range.columns.length).toBe(1);
  });

  it('names a failure that is not an Error', async () => {
    const range = new StreamedRange();
    range.fail('socket closed');
    await expect(range.until(1)).rejects.toThrow('the range read failed: socket closed');
  });

  it('refuses an interaction out of time order, as the columns do', () => {
    const range = new StreamedRange();
    append(range, 20);
    expect(() => append(range, 19)).toThrow('InteractionColumns: interaction i19 is out of time order');
  });
});

describe('StreamedRange.stop', () => {
  it('makes the next append throw its reason, so the store stops reading', () => {
    const range = new StreamedRange();
    append(range, 1);
    range.stop(new Error('the series failed'));
    range.stop(new Error('a second reason is ignored'));
    expect(() => append(range, 2)).toThrow('the series failed');
    expect(range.columns.length).toBe(1);
  });
});
