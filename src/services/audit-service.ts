import { normalizedFilter, refuseBlankConditions } from '../domain/filter-conditions';
import { DEFAULT_AUDIT_ORDER, type AuditEntry, type AuditFilter, type AuditOrder, type RecordStamp } from '../domain/audit';
import { InvalidInputError } from '../domain/errors';
import { validatePageSize } from '../domain/page';
import type { Store } from '../store/store';
import type { Connection } from './connection';

/** The audit filter's text conditions: refused when blank, matched in NFC. */
const TEXT_CONDITIONS = ['actorId', 'interactionId', 'by'] as const satisfies readonly (keyof AuditFilter)[];

/** Reads the audit log, page by page (the log is written by the store with each change). */
export class AuditService {
  constructor(private readonly store: Store) {}

  /** DataLoader's batch function: who created and last changed each actor, or null, in the order asked. */
  actorStamps(ids: readonly string[]): Promise<(RecordStamp | null)[]> {
    return this.store.getActorStamps(ids);
  }

  /** DataLoader's batch function: who created and last changed each interaction, or null, in the order asked. */
  interactionStamps(ids: readonly string[]): Promise<(RecordStamp | null)[]> {
    return this.store.getInteractionStamps(ids);
  }

  async list(
    filter: AuditFilter,
    first: number | null | undefined,
    after: string | null | undefined,
    order: AuditOrder = DEFAULT_AUDIT_ORDER,
  ): Promise<Connection<AuditEntry>> {
    refuseBlankConditions(filter, TEXT_CONDITIONS);
    if (filter.from && filter.to && filter.from.getTime() >= filter.to.getTime()) {
      throw new InvalidInputError('filter.to', filter.to, 'must be after filter.from');
    }
    const stored = normalizedFilter(filter, TEXT_CONDITIONS);
    const page = await this.store.listAuditLog(stored, { first: validatePageSize(first), after: decodeAuditCursor(after, order) }, order);
    return {
      edges: page.items.map((node) => ({ node, cursor: encodeAuditCursor(node.seq, order) })),
      hasNextPage: page.hasNextPage,
      totalCount: async () => {
        throw new InvalidInputError('totalCount', null, 'is not offered for the audit log');
      },
    };
  }
}

/**
 * Audit cursors are the entry's number (the log only grows, so a number stays a valid position),
 * with `n` before it when it came from `order: NEWEST_FIRST`: such a cursor sent with the other
 * order is refused (the default order paged forward from it, repeating the first page). A bare
 * number pages on in either order, as cursors did before.
 */
function encodeAuditCursor(seq: number, order: AuditOrder): string {
  return order === 'NEWEST_FIRST' ? `n${seq}` : String(seq);
}

function decodeAuditCursor(text: string | null | undefined, order: AuditOrder): { seq: number } | null {
  if (text === null || text === undefined) return null;
  const match = /^(n?)(\d{1,15})$/.exec(text);
  if (!match) throw new InvalidInputError('after', text, 'is not a cursor returned by this API');
  if (match[1] === 'n' && order !== 'NEWEST_FIRST') {
    throw new InvalidInputError('after', text, 'came from order: NEWEST_FIRST; send that order again to page on');
  }
  return { seq: Number(match[2]) };
}
