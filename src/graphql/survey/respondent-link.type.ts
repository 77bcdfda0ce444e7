import { Field, ObjectType } from 'type-graphql';
import { Actor } from '../actor/actor.type';

@ObjectType({ description: "A roster actor's link to its form. `token` is shown this once; it stops working when the survey closes." })
export class RespondentLink {
  @Field(() => Actor)
  actor!: Actor;

  @Field({ description: 'A respondent token bound to this survey and this actor: it may only read its form and submit its answers.' })
  token!: string;

  @Field({
    description:
      "The form's address with the token in the fragment: `<base>/?view=form#token=<token>` (base: COPNET_PUBLIC_URL, else this server).",
  })
  url!: string;
}
