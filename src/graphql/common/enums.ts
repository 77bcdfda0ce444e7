import { registerEnumType } from 'type-graphql';
import { ACTOR_KINDS, type ActorKind } from '../../domain/actor';
import { INTERACTION_KINDS, type InteractionKind } from '../../domain/interaction';

/** GraphQL enums mirror the domain's lists, so the two can never drift apart. */
export const ActorKindEnum = Object.fromEntries(ACTOR_KINDS.map((k) => [k, k])) as { [K in ActorKind]: K };
export const InteractionKindEnum = Object.fromEntries(INTERACTION_KINDS.map((k) => [k, k])) as { [K in InteractionKind]: K };

registerEnumType(ActorKindEnum, {
  name: 'ActorKind',
  description: 'The kind of organisation.',
  valuesConfig: {
    FOUNDATION: { description: 'The funder and, today, the central convener.' },
    INTERMEDIARY: { description: 'A Network for School Improvement: district, charter network, university partner, service centre or nonprofit.' },
    SCHOOL: { description: 'A school supported by an intermediary.' },
    SUPPORT_PARTNER: { description: 'An organisation giving technical assistance to the network.' },
  },
});

registerEnumType(InteractionKindEnum, {
  name: 'InteractionKind',
  description: 'How the actors interacted.',
});
