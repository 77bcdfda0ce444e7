import { Field, InputType, Int, registerEnumType } from 'type-graphql';
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
