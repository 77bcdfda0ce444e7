/**
 * Names that look alike: a new actor named as a stored one (`Bill & Melinda Gates Foundation`
 * under a second id) is most likely a duplicate. Accepted, with a warning that suggests merging.
 */

/** The form names are compared in: lower-cased (text is NFC already, text-rules.ts). */
export function foldName(name: string): string {
  return name.toLowerCase();
}

/** A new actor whose name is that of another actor. */
export interface NameTwin {
  /** Its place in the batch or file. */
  readonly index: number;
  readonly id: string;
  readonly name: string;
  /** The other actor: a stored one, or one earlier in the batch. */
  readonly twinId: string;
}

/**
 * The new actors (`candidates`, in batch order) named as another: a stored actor of another id
 * (`stored`), else an earlier candidate. One twin each, the smallest stored id first.
 */
export function nameTwins(
  candidates: readonly { readonly index: number; readonly id: string; readonly name: string }[],
  stored: readonly { readonly id: string; readonly name: string }[],
): NameTwin[] {
  const storedByName = new Map<string, string[]>();
  for (const actor of [...stored].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const key = foldName(actor.name);
    storedByName.set(key, [...(storedByName.get(key) ?? []), actor.id]);
  }
  const earlier = new Map<string, string>();
  const twins: NameTwin[] = [];
  for (const candidate of candidates) {
    const key = foldName(candidate.name);
    const twinId = storedByName.get(key)?.find((id) => id !== candidate.id) ?? earlier.get(key);
    if (twinId !== undefined) twins.push({ ...candidate, twinId });
    if (!earlier.has(key)) earlier.set(key, candidate.id);
  }
  return twins;
}

/** The warning's text, after the row's name (`actors[3]`, `actors.csv, line 4`). */
export function nameTwinMessage(twin: NameTwin): string {
  return `the new actor ${JSON.stringify(twin.id)} is named ${JSON.stringify(twin.name)}, as ${JSON.stringify(twin.twinId)} is; if they are one organisation, merge them (mergeActors)`;
}
