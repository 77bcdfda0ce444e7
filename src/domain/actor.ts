import { InvalidInputError } from './errors';
import { checkText, MAX_TAGS } from './text-rules';

/** The kinds of organisation in a Community of Practice. */
export const ACTOR_KINDS = ['FOUNDATION', 'INTERMEDIARY', 'SCHOOL', 'SUPPORT_PARTNER'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** An organisation in the network. `id` is the caller's stable key, e.g. `nsi-baltimore`. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  /** e.g. a US state code; null when unknown. */
  readonly region: string | null;
  readonly tags: readonly string[];
  /** The intermediary a school belongs to: structural membership, not an interaction. */
  readonly affiliationId: string | null;
}

/** What a caller sends to create or replace an actor. */
export interface ActorInput {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly region?: string | null;
  readonly tags?: readonly string[] | null;
  readonly affiliationId?: string | null;
}

export function isActorKind(value: unknown): value is ActorKind {
  return typeof value === 'string' && (ACTOR_KINDS as readonly string[]).includes(value);
}

/**
 * Checks one actor's own fields and normalises them (trimmed strings, null for absent,
 * unique tags). References to other actors (`affiliationId`) are checked by the store,
 * inside the same transaction as the write.
 */
export function validateActorInput(input: ActorInput, path: string): Actor {
  const id = checkText(requireNonEmpty(input.id, `${path}.id`), 'id', `${path}.id`);
  const name = checkText(requireNonEmpty(input.name, `${path}.name`), 'name', `${path}.name`);
  if (!isActorKind(input.kind)) {
    throw new InvalidInputError(`${path}.kind`, input.kind, `is not one of ${ACTOR_KINDS.join(', ')}`);
  }
  const trimmedRegion = optionalTrimmed(input.region);
  const region = trimmedRegion === null ? null : checkText(trimmedRegion, 'region', `${path}.region`);
  const tags = checkTags(input.tags ?? [], `${path}.tags`);
  const trimmedAffiliation = optionalTrimmed(input.affiliationId);
  const affiliationId = trimmedAffiliation === null ? null : checkText(trimmedAffiliation, 'id', `${path}.affiliationId`);
  if (affiliationId === id) {
    throw new InvalidInputError(`${path}.affiliationId`, affiliationId, 'is the actor itself');
  }
  return { id, name, kind: input.kind, region, tags, affiliationId };
}

/**
 * Most entries a tags list may hold before repeats are dropped: a list longer than this is
 * refused before any tag is looked at (repeats are allowed, up to this).
 */
export const MAX_TAG_ENTRIES = MAX_TAGS * 4;

/** The distinct tags, in order: the list's length is bounded first, then repeats dropped in one pass. */
function checkTags(given: readonly string[], field: string): string[] {
  if (given.length > MAX_TAG_ENTRIES) {
    throw new InvalidInputError(
      field,
      `${given.length.toLocaleString('en-US')} entries`,
      `is over the ${MAX_TAG_ENTRIES} entries a tags list may hold (at most ${MAX_TAGS} distinct tags are allowed)`,
    );
  }
  const tags = new Set<string>();
  given.forEach((tag, i) => {
    tags.add(checkText(requireNonEmpty(tag, `${field}[${i}]`), 'tag', `${field}[${i}]`));
  });
  if (tags.size > MAX_TAGS) throw new InvalidInputError(field, [...tags], `has ${tags.size} tags; at most ${MAX_TAGS} are allowed`);
  return [...tags];
}

/** Validates a batch: each actor alone, then no id twice. */
export function validateActorBatch(inputs: readonly ActorInput[], name = 'actors'): Actor[] {
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    const actor = validateActorInput(input, `${name}[${i}]`);
    if (seen.has(actor.id)) {
      throw new InvalidInputError(`${name}[${i}].id`, actor.id, 'appears more than once in the batch');
    }
    seen.add(actor.id);
    return actor;
  });
}

/** Whether two actors hold the same data (writers use it to skip unchanged actors). */
export function sameActor(a: Actor, b: Actor | null): boolean {
  return (
    b !== null &&
    a.id === b.id &&
    a.name === b.name &&
    a.kind === b.kind &&
    a.region === b.region &&
    a.affiliationId === b.affiliationId &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}

export function requireNonEmpty(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidInputError(field, value, 'must be a non-empty string');
  }
  return value.trim();
}

function optionalTrimmed(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
