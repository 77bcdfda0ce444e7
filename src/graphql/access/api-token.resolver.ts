import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { CreateTokenInput } from './api-token.input';
import { ApiToken, CreatedApiToken } from './api-token.type';

/** API tokens, for admins (src/auth/policy.ts). */
@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [ApiToken], { description: 'Every API token, revoked ones included, by creation time (admin).' })
  apiTokens(@Ctx() { services }: RequestContext): Promise<ApiToken[]> {
    return services.tokens.list();
  }

  @Mutation(() => CreatedApiToken, { description: 'Creates an API token and shows it this once (admin).' })
  async createToken(
    @Arg('input', () => CreateTokenInput) input: CreateTokenInput,
    @Ctx() context: RequestContext,
  ): Promise<CreatedApiToken> {
    const { token, stored } = await context.services.tokens.create(
      { name: input.name, role: input.role, expires: input.expiresIn },
      await context.author(),
      'expiresIn',
    );
    return { token, apiToken: stored };
  }

  @Mutation(() => ApiToken, { description: 'Revokes the API token of that name; it is refused from now on (admin).' })
  async revokeToken(@Arg('name') name: string, @Ctx() context: RequestContext): Promise<ApiToken> {
    return context.services.tokens.revoke(name, await context.author());
  }
}
