/**
 * The respondent form's state apart from React: one answer per partner (pre-filled from the
 * API's partners and saved ratings), the six PARTNER items with plain-language labels,
 * adding a partner from the roster, and the answers → submitRatings' RatingInput list.
 * Pure, so Vitest checks it.
 */
import { ApiError } from '../api/client';
import type { RatingInput, RespondentFormFieldsFragment } from '../generated/graphql';

export const RATING_ITEMS = ['reliability', 'openness', 'sharedMission', 'influence', 'resources', 'involvement'] as const;
export type RatingItem = (typeof RATING_ITEMS)[number];

/** Each item's name (as PARTNER CPRM calls it) and the question the respondent answers. */
export const ITEM_TEXT: Readonly<Record<RatingItem, { readonly name: string; readonly question: string }>> = {
  reliability: { name: 'Reliability', question: 'Does this partner follow through on what it commits to?' },
  openness: { name: 'Openness to discussion', question: 'Is this partner willing to discuss things openly, even hard ones?' },
  sharedMission: { name: 'Support of shared mission', question: 'Does this partner support the goals we share?' },
  influence: { name: 'Power and influence', question: 'Can this partner get things done and make others listen?' },
  resources: { name: 'Resource contribution', question: 'Does this partner bring resources: people, time, money, knowledge?' },
  involvement: { name: 'Level of involvement', question: 'How actively does this partner take part in our work together?' },
};

/** The 1–4 scale in plain words. */
export const SCALE: readonly { readonly value: number; readonly label: string }[] = [
  { value: 1, label: 'Not at all' },
  { value: 2, label: 'A little' },
  { value: 3, label: 'Quite a bit' },
  { value: 4, label: 'A great deal' },
];

export type Items = Readonly<Record<RatingItem, number | null>>;

export interface Answer {
  readonly partnerId: string;
  readonly name: string;
  /** Interactions logged with this partner in the survey's window; null for a partner the respondent added. */
  readonly interactions: number | null;
  /** Did they work together? null: not answered yet (the partner is left out of what is saved). */
  readonly worked: boolean | null;
  readonly items: Items;
}

type Form = RespondentFormFieldsFragment;

const NO_ITEMS: Items = { reliability: null, openness: null, sharedMission: null, influence: null, resources: null, involvement: null };

/** The API's partners (most interactions first, saved ratings included) as the form's answers. */
export function answersFromForm(form: Form): Answer[] {
  return form.partners.map((p) => ({
    partnerId: p.actor.id,
    name: p.actor.name,
    interactions: p.interactions,
    worked: p.rating ? p.rating.workedTogether : null,
    items: p.rating
      ? {
          reliability: p.rating.reliability ?? null,
          openness: p.rating.openness ?? null,
          sharedMission: p.rating.sharedMission ?? null,
          influence: p.rating.influence ?? null,
          resources: p.rating.resources ?? null,
          involvement: p.rating.involvement ?? null,
        }
      : NO_ITEMS,
  }));
}

export function setWorked(answers: readonly Answer[], partnerId: string, worked: boolean): Answer[] {
  return answers.map((a) => (a.partnerId === partnerId ? { ...a, worked } : a));
}

export function setItem(answers: readonly Answer[], partnerId: string, item: RatingItem, value: number | null): Answer[] {
  return answers.map((a) => (a.partnerId === partnerId ? { ...a, items: { ...a.items, [item]: value } } : a));
}

/** Adds a roster actor as a partner (worked together: yes, to rate it at once); already listed: unchanged. */
export function addPartner(answers: readonly Answer[], actor: { id: string; name: string }): Answer[] {
  if (answers.some((a) => a.partnerId === actor.id)) return [...answers];
  return [...answers, { partnerId: actor.id, name: actor.name, interactions: null, worked: true, items: NO_ITEMS }];
}

/** Removes a partner the respondent added (pre-filled ones are answered "no" instead). */
export function removePartner(answers: readonly Answer[], partnerId: string): Answer[] {
  return answers.filter((a) => a.partnerId !== partnerId);
}

/** The roster actors not yet on the form whose name holds `search` (case-insensitive), in roster order. */
export function addableRoster(
  roster: readonly { id: string; name: string }[],
  answers: readonly Answer[],
  search: string,
): { id: string; name: string }[] {
  const listed = new Set(answers.map((a) => a.partnerId));
  const text = search.trim().toLowerCase();
  return roster.filter((actor) => !listed.has(actor.id) && (text === '' || actor.name.toLowerCase().includes(text)));
}

/** What is saved: every partner with a yes/no answer; items only when they worked together. */
export function ratingInputs(answers: readonly Answer[]): RatingInput[] {
  return answers
    .filter((a) => a.worked !== null)
    .map((a) =>
      a.worked
        ? { partnerId: a.partnerId, workedTogether: true, ...a.items }
        : {
            partnerId: a.partnerId,
            workedTogether: false,
            reliability: null,
            openness: null,
            sharedMission: null,
            influence: null,
            resources: null,
            involvement: null,
          },
    );
}

/** "3 of 5 partners answered". */
export function progressText(answers: readonly Answer[]): string {
  const answered = answers.filter((a) => a.worked !== null).length;
  return `${answered} of ${answers.length} partner${answers.length === 1 ? '' : 's'} answered`;
}

/** "12 interactions logged", "1 interaction logged", "no interactions logged", "added by you". */
export function interactionsText(answer: Answer): string {
  if (answer.interactions === null) return 'added by you';
  if (answer.interactions === 0) return 'no interactions logged';
  return `${answer.interactions} interaction${answer.interactions === 1 ? '' : 's'} logged`;
}

/** Why the API refused the link's token (or a save), in the respondent's words. */
export function refusal(error: unknown): string {
  if (error instanceof ApiError) {
    if (/closed/i.test(error.message)) return 'This survey is closed: answers can no longer be given or changed. Thank you.';
    if (error.hasCode('UNAUTHENTICATED') || error.status === 401) {
      return 'This link is not valid (it may be incomplete or have been withdrawn). Ask whoever sent it for a new one.';
    }
    if (error.hasCode('FORBIDDEN')) return 'This link does not open a survey form. Ask whoever sent it for your survey link.';
  }
  return `The form could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
}
