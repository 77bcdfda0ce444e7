import { InvalidInputError, shortenText } from '../domain/errors';

/** The window and scope parameters the exports and the report both read. */
export const WINDOW_PARAMETERS = [
  'from',
  'to',
  'step',
  'windowSize',
  'expanding',
  'actorKinds',
  'interactionKinds',
  'coParticipationLimit',
] as const;

/** The parameters that take a list: one parameter, comma-separated. */
const LIST_PARAMETERS: ReadonlySet<string> = new Set(['actorKinds', 'interactionKinds']);

/**
 * The named query parameters present in `url`, added to `into` (e.g. a format taken from the
 * path): what the route's parse*Query reads. Absent parameters stay absent. A parameter given
 * more than once is an InvalidInputError naming it: taking the first value answered for
 * another window or scope than the one asked (a second actorKinds was dropped, not added).
 */
export function readQueryParameters(url: URL, names: readonly string[], into: Record<string, string> = {}): Record<string, string> {
  for (const name of names) {
    const values = url.searchParams.getAll(name);
    if (values.length > 1) {
      const hint = LIST_PARAMETERS.has(name)
        ? `give a list once, comma-separated: ${shortenText(`${name}=${values.join(',')}`)}`
        : 'give it once';
      throw new InvalidInputError(name, values, `is given ${values.length} times; ${hint}`);
    }
    if (values.length === 1) into[name] = values[0]!;
  }
  return into;
}
