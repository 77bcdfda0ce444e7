import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { CHANGE_DIRECTIONS, CHANGE_SIGNALS, type ChangeDirection, type ChangeSignal } from '../../metrics/change-points';
import { enumOf } from '../common/enums';
import { Window } from './network-snapshot.type';

export const ChangeSignalEnum = enumOf<ChangeSignal>(CHANGE_SIGNALS);
registerEnumType(ChangeSignalEnum, {
  name: 'ChangeSignal',
  description: 'A window figure watched for change points.',
  valuesConfig: {
    BETWEENNESS_CENTRALIZATION: { description: 'NetworkSnapshot.betweennessCentralization.' },
    DENSITY: { description: 'NetworkSnapshot.density.' },
    CROSS_NETWORK_TIE_SHARE: { description: 'NetworkSnapshot.crossNetworkTieShare.' },
    FOUNDATION_TIE_SHARE: { description: "NetworkSnapshot.tieMix.foundation: the foundation's share of the ties." },
    FOUNDATION_INITIATED_SHARE: { description: 'NetworkSnapshot.foundationInitiatedShare.' },
  },
});

export const ChangeDirectionEnum = enumOf<ChangeDirection>(CHANGE_DIRECTIONS);
registerEnumType(ChangeDirectionEnum, {
  name: 'ChangeDirection',
  description: 'UP: the upper CUSUM sum C⁺ passed h (the signal rose); DOWN: the lower sum C⁻ passed h (it fell).',
});

@ObjectType({
  description: 'A shift of one signal found by tabular two-sided CUSUM with re-baselining (see NetworkSeries.changePoints and the README).',
})
export class ChangePoint {
  @Field(() => ChangeSignalEnum)
  signal!: ChangeSignal;

  @Field(() => ChangeDirectionEnum)
  direction!: ChangeDirection;

  @Field(() => Window, { description: 'The alarm: the first window where the sum passed h.' })
  window!: Window;

  @Field(() => Window, {
    description: 'The window after the last one where the alarm’s sum was 0, or the first window after the baseline: when the shift began.',
  })
  since!: Window;

  @Field(() => Float, { description: 'The alarm’s sum (C⁺ for UP, C⁻ for DOWN) at the alarm window.' })
  statistic!: number;
}
