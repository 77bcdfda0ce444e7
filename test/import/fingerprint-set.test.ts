import { FingerprintSet } from '../../src/import/fingerprint-set';

describe('FingerprintSet', () => {
  it('tells new strings from repeats across growth, for 200,000 ids', () => {
    const set = new FingerprintSet(16);
    let fresh = 0;
    for (let i = 0; i < 200_000; i++) if (set.add(`interaction-${i}`)) fresh += 1;
    expect(fresh).toBe(200_000);
    expect(set.size).toBe(200_000);
    let repeats = 0;
    for (let i = 0; i < 200_000; i += 7) if (!set.add(`interaction-${i}`)) repeats += 1;
    expect(repeats).toBe(28_572);
    expect(set.size).toBe(200_000);
  });

  it('treats the empty string and non-ASCII text like any other', () => {
    const set = new FingerprintSet();
    expect([set.add(''), set.add(''), set.add('école'), set.add('ecole'), set.add('école')]).toEqual([true, false, true, true, false]);
  });
});
