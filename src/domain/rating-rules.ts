import { InvalidInputError } from './errors';
import { RATING_ITEMS, type Rating } from './survey';
import { checkText } from './text-rules';

/** A rating as a caller sends it: items absent or null are not answered. */
export interface RatingInput {
  readonly partnerId: string;
  readonly workedTogether: boolean;
  readonly reliability?: number | null;
  readonly openness?: number | null;
  readonly sharedMission?: number | null;
  readonly influence?: number | null;
  readonly resources?: number | null;
  readonly involvement?: number | null;
}

/** Most ratings one submission may hold (a roster is at most this long in practice; the variable-list bound is 2,000). */
export const MAX_RATINGS_PER_SUBMISSION = 2000;

/**
 * Checks a respondent's whole submission before anything is written (all or nothing): each
 * item a whole number 1–4 or null (not answered); items only when `workedTogether` is true; each
 * partner on the roster, not the respondent, and at most once. Errors name the path, e.g.
 * `ratings[2].reliability` or `ratings[3].partnerId`.
 */
export function validateRatings(
  inputs: readonly RatingInput[],
  respondentId: string,
  roster: ReadonlySet<string>,
  field = 'ratings',
): Rating[] {
  if (inputs.length > MAX_RATINGS_PER_SUBMISSION) {
    throw new InvalidInputError(
      field,
      `${inputs.length} ratings`,
      `holds more than the ${MAX_RATINGS_PER_SUBMISSION} one submission may hold`,
    );
  }
  const seen = new Map<string, number>();
  return inputs.map((input, i) => {
    const path = `${field}[${i}]`;
    const partnerId = checkText(input.partnerId, 'id', `${path}.partnerId`);
    if (partnerId === respondentId) throw new InvalidInputError(`${path}.partnerId`, partnerId, 'is the respondent itself');
    if (!roster.has(partnerId)) throw new InvalidInputError(`${path}.partnerId`, partnerId, "is not on the survey's roster");
    const earlier = seen.get(partnerId);
    if (earlier !== undefined) {
      throw new InvalidInputError(`${path}.partnerId`, partnerId, `is rated twice in this submission (also ${field}[${earlier}])`);
    }
    seen.set(partnerId, i);
    if (typeof input.workedTogether !== 'boolean') {
      throw new InvalidInputError(`${path}.workedTogether`, input.workedTogether, 'must be true or false');
    }
    const items = Object.fromEntries(
      RATING_ITEMS.map((item) => {
        const value = input[item] ?? null;
        if (value !== null && !(Number.isInteger(value) && value >= 1 && value <= 4)) {
          throw new InvalidInputError(`${path}.${item}`, value, 'must be a whole number from 1 to 4, or null (not answered)');
        }
        if (value !== null && !input.workedTogether) {
          throw new InvalidInputError(`${path}.${item}`, value, 'is only answered when workedTogether is true');
        }
        return [item, value];
      }),
    ) as Pick<Rating, (typeof RATING_ITEMS)[number]>;
    return { partnerId, workedTogether: input.workedTogether, ...items };
  });
}
