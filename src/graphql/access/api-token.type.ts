import { Field, ObjectType } from 'type-graphql';
import type { Role } from '../../domain/access';
import { RoleEnum } from './role.enum';

@ObjectType({ description: 'An API token as copnet keeps it: never the token itself (only a hash of it is stored).' })
export class ApiToken {
  @Field({ description: 'Unique among tokens not revoked; `copnet token revoke NAME` uses it.' })
  name!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => Date)
  createdAt!: Date;

  @Field({ description: 'Who created it: a token name, `jwt:<subject>`, or `cli` for the command line.' })
  createdBy!: string;

  @Field(() => Date, { nullable: true, description: 'Last request made with it (noted at most once a minute).' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Refused from then on; null: never expires.' })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType({ description: 'A token just created. `token` is shown this once: copnet cannot show it again.' })
export class CreatedApiToken {
  @Field({ description: 'Send it as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}
