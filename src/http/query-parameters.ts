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

/**
 * The named query parameters present in `url`, added to `into` (e.g. a format taken from the
 * path): what the route's parse*Query reads. Absent parameters stay absent.
 */
export function readQueryParameters(url: URL, names: readonly string[], into: Record<string, string> = {}): Record<string, string> {
  for (const name of names) {
    const value = url.searchParams.get(name);
    if (value !== null) into[name] = value;
  }
  return into;
}
