import type { Actor } from '../domain/actor';
import type { DemoRandom } from './random';
import {
  FOUNDATION_ID,
  FOUNDATION_NAME,
  FOUNDATION_REGION,
  HIGH_SCHOOL_SUFFIXES,
  INTERMEDIARIES,
  MIDDLE_SCHOOL_SUFFIXES,
  SCHOOL_NAMESAKES,
  SUPPORT_PARTNERS,
  type IntermediarySpec,
  type SupportPartnerSpec,
} from './roster';

/**
 * The demo's actors and what the interaction generator needs to know about them: when
 * each intermediary and school joins, which schools belong to which network.
 *
 * Joining: first-cohort intermediaries from 1 October 2018, second-cohort ones from the
 * announcement on 10 December 2019. A network's schools join in waves: about half with
 * their intermediary, the rest over the following school year and a half.
 */

export const COHORT_START: Readonly<Record<IntermediarySpec['cohort'], number>> = {
  'cohort-2018': Date.UTC(2018, 9, 1),
  'cohort-2019': Date.UTC(2019, 11, 10),
};

export interface DemoIntermediary {
  readonly index: number;
  readonly spec: IntermediarySpec;
  readonly joinsAt: number;
  /** Indexes into DemoCast.schools. */
  readonly schoolIndexes: readonly number[];
}

export interface DemoSchool {
  readonly index: number;
  readonly id: string;
  readonly network: number;
  readonly state: string;
  readonly band: 'high-school' | 'middle-school';
  readonly joinsAt: number;
}

export interface DemoCast {
  readonly actors: readonly Actor[];
  readonly intermediaries: readonly DemoIntermediary[];
  readonly schools: readonly DemoSchool[];
  readonly partners: readonly SupportPartnerSpec[];
}

const DAY = 24 * 60 * 60 * 1000;

export function buildDemoCast(random: DemoRandom): DemoCast {
  const actors: Actor[] = [
    { id: FOUNDATION_ID, name: FOUNDATION_NAME, kind: 'FOUNDATION', region: FOUNDATION_REGION, tags: ['funder'], affiliationId: null },
  ];
  for (const spec of INTERMEDIARIES) {
    actors.push({
      id: spec.id,
      name: spec.name,
      kind: 'INTERMEDIARY',
      region: spec.region,
      tags: [spec.type, spec.cohort],
      affiliationId: null,
    });
  }
  for (const partner of SUPPORT_PARTNERS) {
    actors.push({
      id: partner.id,
      name: partner.name,
      kind: 'SUPPORT_PARTNER',
      region: partner.region,
      tags: ['support-partner', partner.specialty],
      affiliationId: null,
    });
  }

  const namesTaken = new Set<string>(); // "STATE|name": no two schools share a name within a state
  const schools: DemoSchool[] = [];
  const intermediaries: DemoIntermediary[] = INTERMEDIARIES.map((spec, index) => {
    const joinsAt = COHORT_START[spec.cohort];
    const slug = spec.id.replace(/^nsi-/, '');
    const schoolIndexes: number[] = [];
    for (let n = 1; n <= spec.schoolCount; n++) {
      // The first state holds about half of a multi-state network's schools.
      const state = spec.schoolStates.length === 1 || random.chance(0.5) ? spec.schoolStates[0]! : random.pick(spec.schoolStates.slice(1));
      const band = random.chance(0.78) ? 'high-school' : 'middle-school';
      const name = uniqueSchoolName(random, state, band, namesTaken);
      const id = `sch-${slug}-${String(n).padStart(3, '0')}`;
      const wave = random.float();
      const schoolJoinsAt = wave < 0.5 ? joinsAt : joinsAt + Math.floor((wave < 0.8 ? random.int(60, 330) : random.int(330, 560)) * DAY);
      const school: DemoSchool = { index: schools.length, id, network: index, state, band, joinsAt: schoolJoinsAt };
      schools.push(school);
      schoolIndexes.push(school.index);
      actors.push({ id, name, kind: 'SCHOOL', region: state, tags: [band, spec.type, spec.cohort], affiliationId: spec.id });
    }
    return { index, spec, joinsAt, schoolIndexes };
  });

  return { actors, intermediaries, schools, partners: SUPPORT_PARTNERS };
}

function uniqueSchoolName(random: DemoRandom, state: string, band: DemoSchool['band'], taken: Set<string>): string {
  const suffixes = band === 'high-school' ? HIGH_SCHOOL_SUFFIXES : MIDDLE_SCHOOL_SUFFIXES;
  for (let attempt = 0; ; attempt++) {
    const base = `${random.pick(SCHOOL_NAMESAKES)} ${random.pick(suffixes)}`;
    const name = attempt < 50 ? base : `${base} ${attempt}`;
    if (!taken.has(`${state}|${name}`)) {
      taken.add(`${state}|${name}`);
      return name;
    }
  }
}
