/**
 * Colours from Okabe & Ito's palette, distinguishable with the common colour-vision
 * deficiencies; every colour is also named in a legend, never the only cue.
 */
import type { ActorKind } from './generated/graphql';

export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'] as const;

export const KIND_COLOURS: Readonly<Record<ActorKind, string>> = {
  FOUNDATION: '#D55E00',
  INTERMEDIARY: '#0072B2',
  SCHOOL: '#E69F00',
  SUPPORT_PARTNER: '#009E73',
};

export const KIND_NAMES: Readonly<Record<ActorKind, string>> = {
  FOUNDATION: 'Foundation',
  INTERMEDIARY: 'Intermediary (NSI)',
  SCHOOL: 'School',
  SUPPORT_PARTNER: 'Support partner',
};

/** Tie classes, once the API reports them: foundation ties grey, peers in colour. */
export const TIE_CLASS_COLOURS: Readonly<Record<string, string>> = {
  foundation: '#BBBBBB',
  withinNetwork: '#56B4E9',
  crossNetwork: '#CC79A7',
  other: '#999999',
};

export function communityColour(community: number): string {
  return OKABE_ITO[((community % OKABE_ITO.length) + OKABE_ITO.length) % OKABE_ITO.length]!;
}

export function kindColour(kind: string): string {
  return KIND_COLOURS[kind as ActorKind] ?? '#777777';
}
