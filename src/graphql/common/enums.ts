import { registerEnumType } from 'type-graphql';
import { ACTOR_KINDS, type ActorKind } from '../../domain/actor';
import { INTERACTION_KINDS, type InteractionKind } from '../../domain/interaction';

/**
 * A type-graphql enum object built from a domain list, so the GraphQL enum and the
 * domain's values can never drift apart.
 */
export function enumOf<V extends string>(values: readonly V[]): { [K in V]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in V]: K };
}

export const ActorKindEnum = enumOf<ActorKind>(ACTOR_KINDS);
export const InteractionKindEnum = enumOf<InteractionKind>(INTERACTION_KINDS);

registerEnumType(ActorKindEnum, {
  name: 'ActorKind',
  description: 'The kind of organisation.',
  valuesConfig: {
    FOUNDATION: { description: 'The funder and, today, the central convener.' },
    INTERMEDIARY: {
      description: 'A Network for School Improvement: district, charter network, university partner, service centre or nonprofit.',
    },
    SCHOOL: { description: 'A school supported by an intermediary.' },
    SUPPORT_PARTNER: { description: 'An organisation giving technical assistance to the network.' },
  },
});

registerEnumType(InteractionKindEnum, {
  name: 'InteractionKind',
  description: 'How the actors interacted.',
});
