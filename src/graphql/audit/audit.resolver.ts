import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { pageInfoOf } from '../common/page-info.type';
import type { RequestContext } from '../context';
import { AuditEntry, AuditEntryConnection } from './audit-entry.type';
import { AuditLogArgs } from './audit.input';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description:
      'Every change (create, update, delete, restore, merge, token created or revoked), in the order made unless `order: NEWEST_FIRST` (admin).',
  })
  async auditLog(
    @Args(() => AuditLogArgs) { filter, first, after, order }: AuditLogArgs,
    @Ctx() { services }: RequestContext,
  ): Promise<AuditEntryConnection> {
    const connection = await services.audit.list(filter ?? {}, first, after, order);
    return {
      edges: connection.edges.map(({ node, cursor }) => ({ cursor, node: { ...node, id: String(node.seq) } })),
      pageInfo: pageInfoOf(connection),
    };
  }
}
