import type { InteractionInput, InteractionKind } from '../domain/interaction';
import { DAY_MS, DEMO_END, DEMO_START, WEEK_MS, covidDamping, duringCovid, rhythm, schoolYearIndex } from './demo-calendar';
import type { DemoCast, DemoIntermediary, DemoSchool } from './demo-cast';
import type { DemoRandom } from './random';
import { FOUNDATION_ID, TOPICS } from './roster';

/**
 * The demo's interactions, October 2018 – June 2025: a Community of Practice that starts
 * hub-and-spoke and grows peer-connected, as the foundation hoped ("evolve from a hub and
 * spokes type of network where the foundation is the central connector and convener to a
 * more organic, interconnected network where connections are happening directly between
 * NSIs").
 *
 * Scheduled: foundation convenings (Seattle October 2018, February 2019, College Park July
 * 2019, a full-community one in February 2020, virtual ones during Covid, then one each
 * autumn, and from 2022 a spring convening hosted by an intermediary), grants when each
 * cohort starts and continuation grants each November.
 *
 * Weekly, as Poisson counts whose means follow the school year (quiet July–August, busy
 * October and February–March) and the program's year (the tables below, one value per
 * school year 2018–19 … 2024–25): foundation check-ins and site visits (falling), support
 * partners' technical assistance, virtual small groups of 3–8 intermediaries (first
 * convened by the foundation, later by the intermediaries themselves), intermediary-to-
 * intermediary peer exchanges and site visits (rising), intermediaries coaching and
 * convening their schools, and schools learning from schools, first within their network
 * and, from 2019–20, across networks (rising). During Covid, convenings and site visits
 * are held as VIRTUAL_SESSIONs and school-level activity drops.
 */

/** Per school year 2018–19 … 2024–25. */
type YearRates = readonly [number, number, number, number, number, number, number];

const RATES = {
  /** Foundation → one intermediary, per active intermediary per week. */
  foundationCheckIn: [0.4, 0.3, 0.2, 0.14, 0.1, 0.08, 0.07],
  /** Foundation visits an intermediary and some of its schools, per week. */
  foundationSiteVisit: [0.3, 0.25, 0.05, 0.12, 0.1, 0.08, 0.08],
  /** A support partner → an intermediary it is assigned to, per active intermediary per week. */
  partnerSupport: [0.22, 0.24, 0.22, 0.2, 0.18, 0.16, 0.15],
  /** A support partner → a school of an intermediary it is assigned to, per active school per week. */
  partnerSchool: [0.002, 0.004, 0.006, 0.008, 0.008, 0.008, 0.008],
  /** Virtual small groups of 3–8 intermediaries, per week for the whole community. */
  smallGroups: [0.12, 0.5, 1.0, 1.0, 1.1, 1.2, 1.2],
  /** Share of small groups convened by the foundation; the rest by an intermediary or a partner. */
  foundationLedGroups: [0.9, 0.75, 0.5, 0.3, 0.18, 0.12, 0.1],
  /** Intermediary → intermediary peer exchange, per active intermediary per week. */
  peerExchange: [0.005, 0.04, 0.08, 0.12, 0.16, 0.19, 0.2],
  /** Intermediary visits another intermediary (and one of its schools), per active intermediary per week. */
  peerSiteVisit: [0.002, 0.012, 0.01, 0.03, 0.045, 0.05, 0.05],
  /** Intermediary convenes its own schools, per active intermediary per week. */
  networkConvening: [0.07, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08],
  /** Intermediary coaches one school (or a few), per active school per week. */
  coaching: [0.16, 0.17, 0.17, 0.18, 0.18, 0.18, 0.18],
  /** School → schools of the same network, per active school per week. */
  schoolWithinNetwork: [0.01, 0.025, 0.04, 0.06, 0.075, 0.085, 0.09],
  /** School → schools of another network, per active school per week. */
  schoolAcrossNetworks: [0, 0.002, 0.006, 0.012, 0.02, 0.026, 0.028],
  /** Intermediary hosts other intermediaries and schools from several networks, per week. */
  hostedGathering: [0, 0, 0, 0.02, 0.05, 0.06, 0.06],
} satisfies Record<string, YearRates>;

interface ScheduledConvening {
  readonly date: string;
  readonly note: string;
  /** Days it lasted: its weight. */
  readonly days: number;
  /** An intermediary hosts it (peer-led); otherwise the foundation convenes. */
  readonly hostedByIntermediary?: boolean;
}

const CONVENINGS: readonly ScheduledConvening[] = [
  { date: '2018-10-16T16:00:00Z', days: 2, note: 'CoP convening, Seattle: grantees co-design the Community of Practice' },
  { date: '2019-02-12T16:00:00Z', days: 2, note: 'Second CoP convening, building on the Seattle learnings' },
  {
    date: '2019-07-17T13:00:00Z',
    days: 1,
    note: 'CoP convening, University of Maryland, College Park: building principals’ and teachers’ capacity for continuous improvement',
  },
  { date: '2020-02-04T16:00:00Z', days: 2, note: 'First convening of both cohorts, Atlanta' },
  { date: '2020-10-13T17:00:00Z', days: 1, note: 'Virtual CoP convening: continuous improvement in remote learning' },
  { date: '2021-02-09T17:00:00Z', days: 1, note: 'Virtual CoP convening: on-track data during hybrid learning' },
  { date: '2021-06-15T17:00:00Z', days: 1, note: 'Virtual CoP convening: reflecting on the year' },
  { date: '2021-10-19T15:00:00Z', days: 2, note: 'Annual CoP convening, Chicago' },
  { date: '2022-03-22T15:00:00Z', days: 1, note: 'Spring convening, designed and hosted by intermediaries', hostedByIntermediary: true },
  { date: '2022-10-18T15:00:00Z', days: 2, note: 'Annual CoP convening, Denver' },
  { date: '2023-03-21T15:00:00Z', days: 1, note: 'Spring convening, designed and hosted by intermediaries', hostedByIntermediary: true },
  { date: '2023-10-17T15:00:00Z', days: 2, note: 'Annual CoP convening, Baltimore' },
  { date: '2024-03-19T15:00:00Z', days: 1, note: 'Spring convening, designed and hosted by intermediaries', hostedByIntermediary: true },
  { date: '2024-10-15T15:00:00Z', days: 2, note: 'Annual CoP convening, San Antonio' },
  { date: '2025-03-18T15:00:00Z', days: 1, note: 'Spring convening, designed and hosted by intermediaries', hostedByIntermediary: true },
];

interface Draft {
  readonly at: number;
  readonly kind: InteractionKind;
  readonly initiatorId: string;
  readonly participantIds: readonly string[];
  readonly weight: number;
  readonly note: string;
}

const HOUR_MS = 60 * 60 * 1000;

export function generateDemoInteractions(cast: DemoCast, random: DemoRandom): InteractionInput[] {
  const drafts: Draft[] = [];
  const push = (draft: Draft): void => {
    if (draft.at < DEMO_START || draft.at >= DEMO_END) return;
    const online = duringCovid(draft.at) && (draft.kind === 'CONVENING' || draft.kind === 'SITE_VISIT');
    drafts.push(online ? { ...draft, kind: 'VIRTUAL_SESSION', note: `Held online: ${draft.note}` } : draft);
  };
  const { intermediaries, schools, partners } = cast;
  const topic = (): string => random.pick(TOPICS);

  // Each intermediary works with two support partners; each partner serves several intermediaries.
  const partnersOf = intermediaries.map(() => random.sample(partners, 2).map((partner) => partner.id));
  const affinity = peerAffinity(intermediaries, random);

  // Scheduled: convenings and grants.
  for (const convening of CONVENINGS) {
    const at = Date.parse(convening.date);
    const active = intermediaries.filter((i) => i.joinsAt <= at);
    const attending = active.filter(() => random.chance(0.9)).map((i) => i.spec.id);
    const partnerIds = partners.filter(() => random.chance(0.8)).map((partner) => partner.id);
    if (convening.hostedByIntermediary) {
      const host = random.pick(attending);
      const guests = [...attending.filter((id) => id !== host), ...partnerIds, FOUNDATION_ID];
      push({ at, kind: 'CONVENING', initiatorId: host, participantIds: guests, weight: convening.days, note: convening.note });
    } else {
      push({
        at,
        kind: 'CONVENING',
        initiatorId: FOUNDATION_ID,
        participantIds: [...attending, ...partnerIds],
        weight: convening.days,
        note: convening.note,
      });
    }
  }
  for (const intermediary of intermediaries) {
    const start = intermediary.joinsAt + random.int(0, 4) * DAY_MS + 17 * HOUR_MS;
    const cohortYear = intermediary.spec.cohort.slice(-4);
    push({
      at: start,
      kind: 'GRANT',
      initiatorId: FOUNDATION_ID,
      participantIds: [intermediary.spec.id],
      weight: 1,
      note: `NSI grant, cohort ${cohortYear}`,
    });
    for (let year = 2019; year <= 2024; year++) {
      const at = Date.UTC(year, 10, random.int(1, 25), 17);
      if (at > intermediary.joinsAt + 300 * DAY_MS) {
        push({
          at,
          kind: 'GRANT',
          initiatorId: FOUNDATION_ID,
          participantIds: [intermediary.spec.id],
          weight: 1,
          note: `Continuation grant, school year ${year}–${String(year + 1).slice(-2)}`,
        });
      }
    }
  }
  for (const partner of partners) {
    for (let year = 2018; year <= 2024; year++) {
      const at = Date.UTC(year, 9, random.int(1, 20), 17);
      push({
        at,
        kind: 'GRANT',
        initiatorId: FOUNDATION_ID,
        participantIds: [partner.id],
        weight: 1,
        note: `Support partner grant, ${year}–${String(year + 1).slice(-2)}`,
      });
    }
  }

  let topicGroups: DemoIntermediary[][] = [];
  let topicGroupsYear = -1;

  for (let weekStart = DEMO_START; weekStart < DEMO_END; weekStart += WEEK_MS) {
    const y = schoolYearIndex(weekStart);
    const pace = rhythm(weekStart);
    const schoolPace = pace * covidDamping(weekStart);
    const when = (): number =>
      weekStart + random.int(0, 4) * DAY_MS + random.int(14, 21) * HOUR_MS + (random.chance(0.5) ? HOUR_MS / 2 : 0);
    const active = intermediaries.filter((i) => i.joinsAt <= weekStart);
    const activeSchoolsOf = (i: DemoIntermediary): DemoSchool[] =>
      i.schoolIndexes.map((s) => schools[s]!).filter((school) => school.joinsAt <= weekStart);
    const activeSchools = active.flatMap(activeSchoolsOf);
    const rate = (table: YearRates): number => table[y]!;

    if (y !== topicGroupsYear) {
      topicGroups = chunk(random.sample(active, active.length), 5);
      topicGroupsYear = y;
    }
    // New cohort members join the smallest topic group.
    for (const i of active) {
      if (!topicGroups.some((group) => group.includes(i))) {
        topicGroups.reduce((smallest, group) => (group.length < smallest.length ? group : smallest)).push(i);
      }
    }

    // Foundation → intermediaries.
    for (let n = random.poisson(rate(RATES.foundationCheckIn) * active.length * pace); n > 0; n--) {
      const to = random.pick(active);
      const kind = random.chance(0.6) ? 'TECHNICAL_ASSISTANCE' : 'VIRTUAL_SESSION';
      push({
        at: when(),
        kind,
        initiatorId: FOUNDATION_ID,
        participantIds: [to.spec.id],
        weight: 1,
        note: `Program officer check-in: ${topic()}`,
      });
    }
    for (let n = random.poisson(rate(RATES.foundationSiteVisit) * pace); n > 0; n--) {
      const host = random.pick(active);
      const visited = random.sample(activeSchoolsOf(host), random.int(1, 3)).map((school) => school.id);
      push({
        at: when(),
        kind: 'SITE_VISIT',
        initiatorId: FOUNDATION_ID,
        participantIds: [host.spec.id, ...visited],
        weight: 1,
        note: `Foundation site visit: ${topic()}`,
      });
    }

    // Support partners → intermediaries and their schools.
    for (let n = random.poisson(rate(RATES.partnerSupport) * active.length * pace); n > 0; n--) {
      const to = random.pick(active);
      const kind = random.chance(0.7) ? 'TECHNICAL_ASSISTANCE' : 'VIRTUAL_SESSION';
      push({
        at: when(),
        kind,
        initiatorId: random.pick(partnersOf[to.index]!),
        participantIds: [to.spec.id],
        weight: 1,
        note: `Technical assistance: ${topic()}`,
      });
    }
    for (let n = random.poisson(rate(RATES.partnerSchool) * activeSchools.length * schoolPace); n > 0; n--) {
      const school = random.pick(activeSchools);
      push({
        at: when(),
        kind: 'TECHNICAL_ASSISTANCE',
        initiatorId: random.pick(partnersOf[school.network]!),
        participantIds: [school.id],
        weight: 1,
        note: `School coaching: ${topic()}`,
      });
    }

    // Virtual small groups of 3–8 intermediaries.
    for (let n = random.poisson(rate(RATES.smallGroups) * pace); n > 0; n--) {
      const group = random.pick(topicGroups);
      if (group.length < 3) continue;
      const members = random.sample(group, random.int(3, Math.min(8, group.length))).map((i) => i.spec.id);
      const note = `Virtual small group: ${topic()}`;
      if (random.chance(rate(RATES.foundationLedGroups))) {
        push({ at: when(), kind: 'VIRTUAL_SESSION', initiatorId: FOUNDATION_ID, participantIds: members, weight: 1, note });
      } else if (random.chance(0.2)) {
        push({ at: when(), kind: 'VIRTUAL_SESSION', initiatorId: random.pick(partners).id, participantIds: members, weight: 1, note });
      } else {
        push({ at: when(), kind: 'VIRTUAL_SESSION', initiatorId: members[0]!, participantIds: members.slice(1), weight: 1, note });
      }
    }

    // Intermediary ↔ intermediary.
    if (active.length > 1) {
      for (let n = random.poisson(rate(RATES.peerExchange) * active.length * pace); n > 0; n--) {
        const from = random.pick(active);
        const to = random.weightedPick(active, (other) => (other === from ? 0 : affinity[from.index]![other.index]!));
        push({
          at: when(),
          kind: 'PEER_EXCHANGE',
          initiatorId: from.spec.id,
          participantIds: [to.spec.id],
          weight: 1,
          note: `Peer exchange: ${topic()}`,
        });
      }
      for (let n = random.poisson(rate(RATES.peerSiteVisit) * active.length * pace); n > 0; n--) {
        const from = random.pick(active);
        const host = random.weightedPick(active, (other) => (other === from ? 0 : affinity[from.index]![other.index]!));
        const hostSchools = random.sample(activeSchoolsOf(host), 1).map((school) => school.id);
        push({
          at: when(),
          kind: 'SITE_VISIT',
          initiatorId: from.spec.id,
          participantIds: [host.spec.id, ...hostSchools],
          weight: 1,
          note: `Peer site visit: ${topic()}`,
        });
      }
    }
    for (let n = random.poisson(rate(RATES.hostedGathering) * pace); n > 0; n--) {
      const host = random.pick(active);
      const guests = random.sample(
        active.filter((i) => i !== host),
        random.int(3, 6),
      );
      const guestSchools = [host, ...guests].flatMap((i) => random.sample(activeSchoolsOf(i), random.int(0, 2)));
      push({
        at: when(),
        kind: 'CONVENING',
        initiatorId: host.spec.id,
        participantIds: [...guests.map((i) => i.spec.id), ...guestSchools.map((school) => school.id)],
        weight: 1,
        note: `Cross-network gathering hosted by ${host.spec.name}: ${topic()}`,
      });
    }

    // Intermediaries → their own schools.
    for (const intermediary of active) {
      const own = activeSchoolsOf(intermediary);
      if (own.length === 0) continue;
      for (let n = random.poisson(rate(RATES.coaching) * own.length * schoolPace); n > 0; n--) {
        const coached = random.sample(own, random.chance(0.85) ? 1 : random.int(2, 3)).map((school) => school.id);
        const draw = random.float();
        const kind = draw < 0.4 ? 'SITE_VISIT' : draw < 0.8 ? 'TECHNICAL_ASSISTANCE' : 'VIRTUAL_SESSION';
        push({
          at: when(),
          kind,
          initiatorId: intermediary.spec.id,
          participantIds: coached,
          weight: 1,
          note: `Improvement coaching: ${topic()}`,
        });
      }
      for (let n = random.poisson(rate(RATES.networkConvening) * pace); n > 0; n--) {
        const size = Math.max(2, Math.round(own.length * (0.4 + 0.6 * random.float())));
        const attending = random.sample(own, size).map((school) => school.id);
        push({
          at: when(),
          kind: 'CONVENING',
          initiatorId: intermediary.spec.id,
          participantIds: attending,
          weight: 1,
          note: `Network convening: ${topic()}`,
        });
      }
    }

    // Schools → schools.
    for (let n = random.poisson(rate(RATES.schoolWithinNetwork) * activeSchools.length * schoolPace); n > 0; n--) {
      const from = random.pick(activeSchools);
      const peers = activeSchoolsOf(intermediaries[from.network]!).filter((school) => school !== from);
      if (peers.length === 0) continue;
      const to = random.sample(peers, random.chance(0.7) ? 1 : random.int(2, 4)).map((school) => school.id);
      const draw = random.float();
      const kind = draw < 0.5 ? 'PEER_EXCHANGE' : draw < 0.9 ? 'SITE_VISIT' : 'VIRTUAL_SESSION';
      push({
        at: when(),
        kind,
        initiatorId: from.id,
        participantIds: to,
        weight: 1,
        note: kind === 'SITE_VISIT' ? `Learning walk: ${topic()}` : `School-to-school exchange: ${topic()}`,
      });
    }
    for (let n = random.poisson(rate(RATES.schoolAcrossNetworks) * activeSchools.length * schoolPace); n > 0; n--) {
      const from = random.pick(activeSchools);
      const sameState = random.chance(0.5);
      const candidates = activeSchools.filter(
        (school) => school.network !== from.network && (sameState ? school.state === from.state : school.band === from.band),
      );
      if (candidates.length === 0) continue;
      const to = random.sample(candidates, random.chance(0.8) ? 1 : 2).map((school) => school.id);
      const draw = random.float();
      const kind = draw < 0.45 ? 'SITE_VISIT' : draw < 0.85 ? 'PEER_EXCHANGE' : 'VIRTUAL_SESSION';
      push({ at: when(), kind, initiatorId: from.id, participantIds: to, weight: 1, note: `Cross-network school exchange: ${topic()}` });
    }
  }

  // Chronological order (stable for equal instants), then the caller's keys in that order.
  drafts.sort((a, b) => a.at - b.at);
  return drafts.map((draft, i) => ({
    externalId: `demo-${String(i + 1).padStart(6, '0')}`,
    kind: draft.kind,
    occurredAt: new Date(draft.at).toISOString(),
    initiatorId: draft.initiatorId,
    participantIds: draft.participantIds,
    weight: draft.weight,
    note: draft.note,
  }));
}

/**
 * How likely intermediary a is to reach out to b: more when they are the same type, share
 * a state, or are "buddies" (three per intermediary, met at the first convenings).
 */
function peerAffinity(intermediaries: readonly DemoIntermediary[], random: DemoRandom): number[][] {
  const weights = intermediaries.map((a) =>
    intermediaries.map((b) => {
      if (a === b) return 0;
      let w = 1;
      if (a.spec.type === b.spec.type) w += 1.5;
      if (a.spec.cohort === b.spec.cohort) w += 0.5;
      if (a.spec.schoolStates.some((state) => b.spec.schoolStates.includes(state))) w += 2;
      return w;
    }),
  );
  for (const a of intermediaries) {
    for (const b of random.sample(
      intermediaries.filter((other) => other !== a),
      3,
    )) {
      weights[a.index]![b.index]! += 4;
      weights[b.index]![a.index]! += 4;
    }
  }
  return weights;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  // Fold a short last group into the others so every group can hold a session of three.
  const last = groups[groups.length - 1];
  if (groups.length > 1 && last && last.length < 3) {
    groups.pop();
    last.forEach((item, i) => groups[i % groups.length]!.push(item));
  }
  return groups;
}
