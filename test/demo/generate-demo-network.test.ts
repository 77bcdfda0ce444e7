import { createHash } from 'node:crypto';
import { validateActorBatch } from '../../src/domain/actor';
import { validateInteractionBatch, type InteractionInput } from '../../src/domain/interaction';
import { DEMO_SEED, generateDemoNetwork } from '../../src/demo/generate-demo-network';

const demo = generateDemoNetwork();

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function involvesFoundation(interaction: InteractionInput): boolean {
  return interaction.initiatorId === 'bmgf' || interaction.participantIds.includes('bmgf');
}

/** Interactions of school year `year`–`year + 1` (1 August – 31 July). */
function schoolYear(year: number): InteractionInput[] {
  const from = `${year}-08-01`;
  const to = `${year + 1}-08-01`;
  return demo.interactions.filter((i) => String(i.occurredAt) >= from && String(i.occurredAt) < to);
}

describe('generateDemoNetwork', () => {
  it('is deterministic: the shipped seed always gives the same network', () => {
    expect(DEMO_SEED).toBe(20181016);
    expect(demo.actors).toHaveLength(743);
    expect(demo.interactions).toHaveLength(49205);
    expect(hashOf(generateDemoNetwork(DEMO_SEED))).toBe(hashOf(demo));
    expect(hashOf(demo)).toBe('e361e640f66b5658aee674e2aa3eba4987643bfbbda413b138dfbdcf8df48497');
  });

  it('gives a different network for a different seed', () => {
    expect(hashOf(generateDemoNetwork(7))).not.toBe(hashOf(demo));
  });

  it('has one foundation, 30 intermediaries, 650–750 schools in 20+ states and 6–10 support partners', () => {
    const byKind = (kind: string) => demo.actors.filter((actor) => actor.kind === kind);
    expect(byKind('FOUNDATION').map((actor) => [actor.id, actor.name, actor.region])).toEqual([
      ['bmgf', 'Bill & Melinda Gates Foundation', 'WA'],
    ]);
    expect(byKind('INTERMEDIARY')).toHaveLength(30);
    expect(byKind('SCHOOL')).toHaveLength(704);
    expect(byKind('SUPPORT_PARTNER')).toHaveLength(8);
    expect(new Set(byKind('SCHOOL').map((school) => school.region)).size).toBe(26);
    const cohorts = byKind('INTERMEDIARY').map((actor) => actor.tags.find((tag) => tag.startsWith('cohort-')));
    expect(cohorts.filter((tag) => tag === 'cohort-2018')).toHaveLength(15);
    expect(cohorts.filter((tag) => tag === 'cohort-2019')).toHaveLength(15);
    expect(demo.actors.find((actor) => actor.id === 'nsi-baltimore-city')).toEqual({
      id: 'nsi-baltimore-city',
      name: 'Baltimore City Public Schools',
      kind: 'INTERMEDIARY',
      region: 'MD',
      tags: ['district', 'cohort-2018'],
      affiliationId: null,
    });
  });

  it('affiliates every school with an intermediary, and nothing else', () => {
    const kindOf = new Map(demo.actors.map((actor) => [actor.id, actor.kind]));
    const affiliations = demo.actors.map((actor) => `${actor.kind} → ${kindOf.get(actor.affiliationId ?? '') ?? 'none'}`);
    expect(new Set(affiliations)).toEqual(
      new Set(['FOUNDATION → none', 'INTERMEDIARY → none', 'SUPPORT_PARTNER → none', 'SCHOOL → INTERMEDIARY']),
    );
  });

  it('passes the domain validation, names only its own actors and keys interactions demo-000001, …', () => {
    expect(validateActorBatch(demo.actors)).toEqual(demo.actors);
    expect(() => validateInteractionBatch(demo.interactions)).not.toThrow();
    const ids = new Set(demo.actors.map((actor) => actor.id));
    const unknown = demo.interactions.flatMap((i) => [i.initiatorId, ...i.participantIds]).filter((id) => !ids.has(id));
    expect(unknown).toEqual([]);
    expect(demo.interactions.map((i) => i.externalId)).toEqual(demo.interactions.map((_, n) => `demo-${String(n + 1).padStart(6, '0')}`));
  });

  it('runs from the Seattle convening in October 2018 to June 2025, in chronological order', () => {
    const dates = demo.interactions.map((i) => String(i.occurredAt));
    expect([...dates].sort()).toEqual(dates);
    expect(dates[0]! >= '2018-10-01T00:00:00.000Z').toBe(true);
    expect(dates[dates.length - 1]! < '2025-07-01T00:00:00.000Z').toBe(true);
    const seattle = demo.interactions.find((i) => i.occurredAt === '2018-10-16T16:00:00.000Z' && i.kind === 'CONVENING');
    expect(seattle?.initiatorId).toBe('bmgf');
    expect(seattle?.note).toBe('CoP convening, Seattle: grantees co-design the Community of Practice');
  });

  it('invites intermediaries and partners to foundation convenings, not the schools', () => {
    const kindOf = new Map(demo.actors.map((actor) => [actor.id, actor.kind]));
    const convenings = demo.interactions.filter((i) => i.initiatorId === 'bmgf' && i.note?.includes('CoP convening'));
    expect(convenings).toHaveLength(10);
    for (const convening of convenings) {
      expect(convening.participantIds.every((id) => kindOf.get(id) !== 'SCHOOL')).toBe(true);
    }
  });

  it('follows the school year: July and August are quieter than October', () => {
    for (let year = 2019; year <= 2024; year++) {
      const inMonth = (month: string) => demo.interactions.filter((i) => String(i.occurredAt).startsWith(`${year}-${month}`)).length;
      expect(inMonth('07') + inMonth('08')).toBeLessThan(inMonth('10'));
    }
  });

  it('grows more peer-connected: the share of interactions without the foundation rises from 2018–19 to 2023–24', () => {
    const peerShare = (year: number) => {
      const interactions = schoolYear(year);
      return interactions.filter((i) => !involvesFoundation(i)).length / interactions.length;
    };
    const shares = [2018, 2019, 2020, 2021, 2022, 2023].map((year) => Number(peerShare(year).toFixed(3)));
    expect(shares).toEqual([0.879, 0.912, 0.949, 0.972, 0.979, 0.984]);
    expect(shares[5]!).toBeGreaterThan(shares[0]!);
  });
});
