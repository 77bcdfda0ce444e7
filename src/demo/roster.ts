/**
 * The cast of the demo Community of Practice, modelled on the Networks for School
 * Improvement (NSI) texts in the shared seeds: one foundation, 30 intermediaries of the
 * kinds the announcement names (districts, charter management organisations,
 * university-affiliated partners, a regional service centre, national, regional and local
 * nonprofits), half in the first cohort (October 2018) and half in the second, announced
 * in December 2019 ("doubles our initial investment"), and a handful of support partners.
 *
 * Baltimore City Public Schools, the CORE Districts, City Year, Learning Forward and the
 * Institute for Learning are named in the announcement; every other organisation and
 * every school is invented. Nothing here describes who really did what with whom.
 */

export const FOUNDATION_ID = 'bmgf';
export const FOUNDATION_NAME = 'Bill & Melinda Gates Foundation';
export const FOUNDATION_REGION = 'WA';

/** Intermediary types, used as tags on the intermediary and its schools. */
export type IntermediaryType =
  | 'district'
  | 'charter-management-organization'
  | 'university-partner'
  | 'regional-service-center'
  | 'national-nonprofit'
  | 'regional-nonprofit'
  | 'local-nonprofit';

export type Cohort = 'cohort-2018' | 'cohort-2019';

export interface IntermediarySpec {
  readonly id: string;
  readonly name: string;
  readonly type: IntermediaryType;
  readonly cohort: Cohort;
  /** Home state. */
  readonly region: string;
  /** States its schools are in, the first holding the most. */
  readonly schoolStates: readonly string[];
  readonly schoolCount: number;
}

const c18: Cohort = 'cohort-2018';
const c19: Cohort = 'cohort-2019';

/** 30 intermediaries (15 per cohort), 704 schools in 26 states. */
export const INTERMEDIARIES: readonly IntermediarySpec[] = [
  {
    id: 'nsi-baltimore-city',
    name: 'Baltimore City Public Schools',
    type: 'district',
    cohort: c18,
    region: 'MD',
    schoolStates: ['MD'],
    schoolCount: 36,
  },
  {
    id: 'nsi-core-districts',
    name: 'CORE Districts',
    type: 'regional-nonprofit',
    cohort: c18,
    region: 'CA',
    schoolStates: ['CA'],
    schoolCount: 56,
  },
  {
    id: 'nsi-city-year',
    name: 'City Year',
    type: 'national-nonprofit',
    cohort: c18,
    region: 'MA',
    schoolStates: ['MA', 'NY', 'IL', 'TX', 'LA', 'WA'],
    schoolCount: 48,
  },
  {
    id: 'nsi-learning-forward',
    name: 'Learning Forward',
    type: 'national-nonprofit',
    cohort: c18,
    region: 'OH',
    schoolStates: ['OH', 'KY', 'MI', 'AZ'],
    schoolCount: 40,
  },
  {
    id: 'nsi-institute-for-learning',
    name: 'Institute for Learning, University of Pittsburgh',
    type: 'university-partner',
    cohort: c18,
    region: 'PA',
    schoolStates: ['PA', 'TX', 'NY'],
    schoolCount: 30,
  },
  {
    id: 'nsi-empire-scholars',
    name: 'Empire Scholars Charter Network',
    type: 'charter-management-organization',
    cohort: c18,
    region: 'NY',
    schoolStates: ['NY'],
    schoolCount: 14,
  },
  {
    id: 'nsi-lakefront-college-success',
    name: 'Lakefront College Success Network',
    type: 'university-partner',
    cohort: c18,
    region: 'IL',
    schoolStates: ['IL'],
    schoolCount: 24,
  },
  {
    id: 'nsi-cumberland-valley',
    name: 'Cumberland Valley Public Schools',
    type: 'district',
    cohort: c18,
    region: 'TN',
    schoolStates: ['TN'],
    schoolCount: 22,
  },
  {
    id: 'nsi-region-14-esc',
    name: 'Region 14 Education Service Center',
    type: 'regional-service-center',
    cohort: c18,
    region: 'TX',
    schoolStates: ['TX'],
    schoolCount: 30,
  },
  {
    id: 'nsi-gulf-coast-isd',
    name: 'Gulf Coast Independent School District',
    type: 'district',
    cohort: c18,
    region: 'TX',
    schoolStates: ['TX'],
    schoolCount: 30,
  },
  {
    id: 'nsi-golden-state-pathways',
    name: 'Golden State Pathways Collaborative',
    type: 'regional-nonprofit',
    cohort: c18,
    region: 'CA',
    schoolStates: ['CA'],
    schoolCount: 20,
  },
  {
    id: 'nsi-bronx-bridge',
    name: 'Bronx Bridge Partnership',
    type: 'local-nonprofit',
    cohort: c18,
    region: 'NY',
    schoolStates: ['NY'],
    schoolCount: 18,
  },
  {
    id: 'nsi-peach-state',
    name: 'Peach State Improvement Network',
    type: 'regional-nonprofit',
    cohort: c18,
    region: 'GA',
    schoolStates: ['GA', 'SC'],
    schoolCount: 22,
  },
  {
    id: 'nsi-summit-ridge',
    name: 'Summit Ridge Charter Schools',
    type: 'charter-management-organization',
    cohort: c18,
    region: 'CO',
    schoolStates: ['CO'],
    schoolCount: 12,
  },
  {
    id: 'nsi-delta-learning',
    name: 'Delta Learning Collaborative',
    type: 'local-nonprofit',
    cohort: c18,
    region: 'MS',
    schoolStates: ['MS', 'LA'],
    schoolCount: 18,
  },

  {
    id: 'nsi-detroit-graduation',
    name: 'Detroit Graduation Alliance',
    type: 'local-nonprofit',
    cohort: c19,
    region: 'MI',
    schoolStates: ['MI'],
    schoolCount: 20,
  },
  {
    id: 'nsi-carolina-success',
    name: 'Carolina Student Success Network',
    type: 'regional-nonprofit',
    cohort: c19,
    region: 'NC',
    schoolStates: ['NC'],
    schoolCount: 24,
  },
  {
    id: 'nsi-sunshine-collegiate',
    name: 'Sunshine Collegiate Charter Network',
    type: 'charter-management-organization',
    cohort: c19,
    region: 'FL',
    schoolStates: ['FL'],
    schoolCount: 16,
  },
  {
    id: 'nsi-desert-valley-usd',
    name: 'Desert Valley Unified School District',
    type: 'district',
    cohort: c19,
    region: 'AZ',
    schoolStates: ['AZ'],
    schoolCount: 22,
  },
  {
    id: 'nsi-evergreen-center',
    name: 'Evergreen Center for Educational Improvement',
    type: 'university-partner',
    cohort: c19,
    region: 'WA',
    schoolStates: ['WA', 'OR'],
    schoolCount: 20,
  },
  {
    id: 'nsi-garden-state',
    name: 'Garden State Schools Network',
    type: 'regional-nonprofit',
    cohort: c19,
    region: 'NJ',
    schoolStates: ['NJ'],
    schoolCount: 18,
  },
  {
    id: 'nsi-high-plains',
    name: 'High Plains Continuous Improvement Network',
    type: 'regional-nonprofit',
    cohort: c19,
    region: 'NM',
    schoolStates: ['NM', 'CO'],
    schoolCount: 16,
  },
  {
    id: 'nsi-gateway-city',
    name: 'Gateway City Public Schools',
    type: 'district',
    cohort: c19,
    region: 'MO',
    schoolStates: ['MO'],
    schoolCount: 20,
  },
  {
    id: 'nsi-bluegrass-equity',
    name: 'Bluegrass Equity Network',
    type: 'local-nonprofit',
    cohort: c19,
    region: 'KY',
    schoolStates: ['KY'],
    schoolCount: 16,
  },
  {
    id: 'nsi-elm-city-charter',
    name: 'Elm City Charter Network',
    type: 'charter-management-organization',
    cohort: c19,
    region: 'CT',
    schoolStates: ['CT'],
    schoolCount: 10,
  },
  {
    id: 'nsi-rio-grande-scholars',
    name: 'Rio Grande Scholars Academies',
    type: 'charter-management-organization',
    cohort: c19,
    region: 'TX',
    schoolStates: ['TX'],
    schoolCount: 14,
  },
  {
    id: 'nsi-commonwealth-partnership',
    name: 'Commonwealth Partnership for School Improvement',
    type: 'university-partner',
    cohort: c19,
    region: 'MA',
    schoolStates: ['MA'],
    schoolCount: 18,
  },
  {
    id: 'nsi-college-pathways',
    name: 'College Pathways National Network',
    type: 'national-nonprofit',
    cohort: c19,
    region: 'NY',
    schoolStates: ['NY', 'NJ', 'PA', 'GA', 'FL', 'CA'],
    schoolCount: 38,
  },
  {
    id: 'nsi-crescent-city',
    name: 'Crescent City Schools Network',
    type: 'local-nonprofit',
    cohort: c19,
    region: 'LA',
    schoolStates: ['LA'],
    schoolCount: 14,
  },
  {
    id: 'nsi-heartland-education',
    name: 'Heartland Education Partners',
    type: 'regional-nonprofit',
    cohort: c19,
    region: 'IN',
    schoolStates: ['IN', 'IL'],
    schoolCount: 18,
  },
];

export interface SupportPartnerSpec {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  /** What the partner helps with: a tag, and the topic of its technical assistance. */
  readonly specialty: string;
}

export const SUPPORT_PARTNERS: readonly SupportPartnerSpec[] = [
  { id: 'sp-improvement-science', name: 'Improvement Science Collaborative', region: 'CA', specialty: 'improvement-science' },
  { id: 'sp-data-use-coaching', name: 'Data Use Coaching Partners', region: 'MA', specialty: 'data-use' },
  { id: 'sp-network-evaluation', name: 'Network Evaluation Associates', region: 'NY', specialty: 'evaluation' },
  { id: 'sp-cop-facilitation', name: 'Community of Practice Facilitation Studio', region: 'WA', specialty: 'facilitation' },
  { id: 'sp-equity-leadership', name: 'Equity in Leadership Institute', region: 'IL', specialty: 'leadership' },
  { id: 'sp-postsecondary-pathways', name: 'Postsecondary Pathways Research Center', region: 'TX', specialty: 'postsecondary' },
  { id: 'sp-ninth-grade-on-track', name: 'Ninth Grade On-Track Institute', region: 'IL', specialty: 'on-track' },
  { id: 'sp-student-voice', name: 'Student Voice Design Lab', region: 'CO', specialty: 'student-voice' },
];

/** People and places schools are named after; names repeat across states, as real ones do. */
export const SCHOOL_NAMESAKES: readonly string[] = [
  'Frederick Douglass',
  'Harriet Tubman',
  'Thurgood Marshall',
  'Cesar Chavez',
  'Mary McLeod Bethune',
  'Roberto Clemente',
  'Sojourner Truth',
  'Benjamin Banneker',
  'Dolores Huerta',
  'Langston Hughes',
  'Ida B. Wells',
  'Jackie Robinson',
  'Rosa Parks',
  'Sonia Sotomayor',
  'George Washington Carver',
  'Maya Angelou',
  'Paul Robeson',
  'Shirley Chisholm',
  'Ruby Bridges',
  'Barbara Jordan',
  'Ellen Ochoa',
  'Medgar Evers',
  'Fannie Lou Hamer',
  'Mae Jemison',
  'Carter G. Woodson',
  'Zora Neale Hurston',
  'Marian Anderson',
  'Abraham Lincoln',
  'Eleanor Roosevelt',
  'Benito Juarez',
  'Jovita Idar',
  'Octavia Butler',
  'Katherine Johnson',
  'Arturo Schomburg',
  'Wilma Rudolph',
  'Riverside',
  'Lakeview',
  'Eastside',
  'Westside',
  'Northgate',
  'Southport',
  'Oak Grove',
  'Cedar Ridge',
  'Pine Hill',
  'Maple Park',
  'Hillcrest',
  'Fairview',
  'Parkside',
  'Harbor View',
  'Highland',
  'Valley View',
  'Brookside',
  'Mill Creek',
  'Union',
  'Central',
  'Liberty',
  'Pioneer',
  'Heritage',
  'Crossroads',
  'Lincoln Heights',
  'Mesa Verde',
  'Bayview',
  'Sunset Park',
  'Prairie View',
  'Stonebridge',
];

export const HIGH_SCHOOL_SUFFIXES: readonly string[] = [
  'High School',
  'High School',
  'High School',
  'Early College High School',
  'Preparatory Academy',
  'Collegiate High School',
  'STEM Academy',
  'Career Academy',
  'International High School',
];

export const MIDDLE_SCHOOL_SUFFIXES: readonly string[] = ['Middle School', 'Middle School', 'Middle Academy'];

/** What the Community of Practice works on: the topics its notes mention. */
export const TOPICS: readonly string[] = [
  '9th-grade on-track',
  'attendance routines',
  'FAFSA completion',
  'PDSA cycles',
  'data routines',
  'course-passing in Algebra I',
  'postsecondary advising',
  'student voice',
  'equity-focused improvement',
  'principal leadership for improvement',
  'early-warning indicators',
  'college application support',
  'teacher team inquiry',
  'family engagement',
  'grading practices',
];
