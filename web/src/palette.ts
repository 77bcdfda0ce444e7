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

/** Tie classes (the JSON export's tieClass): foundation ties pale grey, peer ties in colour. */
export const TIE_CLASS_COLOURS: Readonly<Record<string, string>> = {
  FOUNDATION: '#C8C8C8',
  WITHIN_NETWORK: '#56B4E9',
  CROSS_NETWORK: '#CC79A7',
  OTHER: '#999999',
};

export const TIE_CLASS_NAMES: Readonly<Record<string, string>> = {
  FOUNDATION: 'with the foundation',
  WITHIN_NETWORK: 'within a network',
  CROSS_NETWORK: 'across networks',
  OTHER: 'other',
};

export function communityColour(community: number): string {
  return OKABE_ITO[((community % OKABE_ITO.length) + OKABE_ITO.length) % OKABE_ITO.length]!;
}

/** A network (an intermediary's id) → one of the palette's colours; null (no network) grey. */
export function networkColour(network: string | null | undefined, hash: (text: string) => number): string {
  if (!network) return '#8C8C8C';
  return OKABE_ITO[Math.floor(hash(network) * (OKABE_ITO.length - 1))]!;
}

export function kindColour(kind: string): string {
  return KIND_COLOURS[kind as ActorKind] ?? '#777777';
}
