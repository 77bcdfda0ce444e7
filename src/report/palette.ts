import type { ActorKind } from '../domain/actor';

/**
 * Okabe & Ito's colour-blind-safe palette, the same colours as the dashboard's
 * (web/src/palette.ts: web/ and src/ share no code); every colour is also named in a legend.
 */
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

/** The four signals' lines. */
export const SIGNAL_COLOURS = ['#000000', '#D55E00', '#CC79A7', '#0072B2'] as const;

/** Tie classes, as the dashboard draws them: foundation ties grey, peer ties in colour. */
export const TIE_MIX_COLOURS = ['#A8A8A8', '#56B4E9', '#CC79A7', '#6E6E6E'] as const;
