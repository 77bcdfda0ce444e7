import { Field, Float, InputType, Int, registerEnumType } from 'type-graphql';
import type { ActorKind } from '../../domain/actor';
import type { InteractionKind } from '../../domain/interaction';
import { STEPS, type Step } from '../../metrics/series';
import { ActorKindEnum, enumOf, InteractionKindEnum } from '../common/enums';

export const StepEnum = enumOf<Step>(STEPS);
registerEnumType(StepEnum, {
  name: 'Step',
  description: 'How far each window of a series advances. Calendar steps are UTC.',
  valuesConfig: {
    WEEK: { description: '7 days.' },
    MONTH: { description: 'One calendar month (31 January + 1 month = end of February).' },
    QUARTER: { description: 'Three calendar months.' },
    SCHOOL_YEAR: { description: 'Twelve months; a school year runs 1 August – 31 July, so start the series on 1 August.' },
    YEAR: { description: 'Twelve months.' },
  },
});

@InputType({ description: 'A half-open time window [from, to).' })
export class WindowInput {
  @Field(() => Date, { description: 'Included.' })
  from!: Date;

  @Field(() => Date, { description: 'Excluded; must be after `from`.' })
  to!: Date;
}

@InputType({
  description:
    "Estimate betweenness from sampled shortest paths (Riondato & Kornaropoulos 2016) instead of computing it exactly: r = ⌈(0.5/ε'²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ paths with ε' = ε(n − 2)/n and VD a vertex-diameter bound, so that with probability at least 1 − δ every actor's normalized betweenness is within ε of the exact figure. Closeness stays exact. When r would be at least the number of actors the exact figures are computed instead (no dearer). NetworkSnapshot.betweennessEstimate says which.",
})
export class ApproximateBetweennessInput {
  @Field(() => Float, { description: "Largest error allowed on any actor's normalized betweenness: more than 0, less than 1." })
  epsilon!: number;

  @Field(() => Float, { description: "Probability allowed that some actor's error exceeds epsilon: more than 0, less than 1." })
  delta!: number;

  @Field(() => Int, {
    defaultValue: 0,
    description: 'Seed of the sampling (0 to 2147483647): the same seed and window give the same estimate.',
  })
  seed!: number;
}

@InputType({ description: 'Which interactions and actors the network is built from. Absent or empty lists mean all.' })
export class ScopeInput {
  @Field(() => [ActorKindEnum], { nullable: true, description: 'Keep only actors of these kinds (ties among them).' })
  actorKinds?: ActorKind[] | null;

  @Field(() => [InteractionKindEnum], { nullable: true, description: 'Keep only interactions of these kinds.' })
  interactionKinds?: InteractionKind[] | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Participants of one interaction are also tied to each other when it has at most this many participants (default 8, at most 100; 0 = initiator ties only). A small virtual group is peer learning; a 200-person convening is not 19,900 peer ties.',
  })
  coParticipationLimit?: number | null;

  @Field(() => ApproximateBetweennessInput, {
    nullable: true,
    description: 'Estimate betweenness by sampling (opt-in; absent or null: exact). Every window of the request is estimated alike.',
  })
  approximateBetweenness?: ApproximateBetweennessInput | null;
}

@InputType({
  description:
    'A series of windows: they start at `from` and advance one step at a time while they start before `to`. At most 520 windows.',
})
export class SeriesInput {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date, { description: 'Excluded; the last window is clipped to it.' })
  to!: Date;

  @Field(() => StepEnum)
  step!: Step;

  @Field(() => Int, { defaultValue: 1, description: 'Steps each window covers (a rolling window when > 1).' })
  windowSize!: number;

  @Field({ defaultValue: false, description: 'When true every window starts at `from` (cumulative network).' })
  expanding!: boolean;
}
