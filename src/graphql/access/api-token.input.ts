import { Field, InputType } from 'type-graphql';
import type { Role } from '../../domain/access';
import { RoleEnum } from './role.enum';

@InputType({ description: 'A token to create.' })
export class CreateTokenInput {
  @Field({ description: '1 to 64 letters, digits, dots, dashes, underscores or @; unique among tokens not revoked.' })
  name!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => String, { nullable: true, description: 'Lifetime such as `90d`, `12h` or `2w`; null: never expires.' })
  expiresIn?: string | null;
}
