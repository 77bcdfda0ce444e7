import { createTimeOrderedIdGenerator } from '../../src/import/time-ordered-id';

describe('createTimeOrderedIdGenerator', () => {
  it('makes RFC 9562 version 7 UUIDs carrying the time, in increasing order even within one millisecond', () => {
    let now = Date.UTC(2024, 0, 2, 3, 4, 5, 6);
    const next = createTimeOrderedIdGenerator(() => now);
    const ids = Array.from({ length: 5000 }, (_, i) => {
      if (i === 4500) now += 1;
      return next();
    });
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(5000);
    expect([...ids].sort()).toEqual(ids);
    expect(parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2024, 0, 2, 3, 4, 5, 6));
  });

  it('keeps the order when the clock goes back', () => {
    let now = 1_700_000_000_000;
    const next = createTimeOrderedIdGenerator(() => now);
    const first = next();
    now -= 5000;
    expect(next() > first).toBe(true);
  });
});
