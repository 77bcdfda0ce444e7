import { RECORD_INTERACTIONS, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

/**
 * Issue 19 over HTTP: a merged duplicate's id never overwrites its target (item 6), a deleted
 * interaction blocks neither a merge nor a delete (item 7), a new actor named as another is
 * written with a warning (item 16), and the audit log reads newest first on request (item 21).
 */
let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.stop());

const MERGE = `mutation($s: ID!, $t: ID!) { mergeActors(sourceId: $s, targetId: $t, allowKindChange: true) { id name kind region } }`;
const DELETE_ACTOR = `mutation($id: ID!) { deleteActor(id: $id) { id } }`;
const DELETE_INTERACTIONS = `mutation($ids: [ID!]!) { deleteInteractions(ids: $ids, reason: "recorded by mistake") { id } }`;

const keep = { id: 'h-keep', name: 'Keep', kind: 'INTERMEDIARY', region: 'MD', tags: [], affiliationId: null };
const dupl = { id: 'h-dupl', name: 'Duplicate', kind: 'SCHOOL', region: 'CA', tags: [], affiliationId: null };

describe('a merged id never overwrites its target (item 6)', () => {
  it('answers the target as stored, writes nothing and warns, alone or beside the target in either order', async () => {
    expect((await server.gql(UPSERT_ACTORS, { actors: [keep, dupl] })).errors).toBeUndefined();
    expect((await server.gql(MERGE, { s: 'h-dupl', t: 'h-keep' })).errors).toBeUndefined();
    const revision = await server.store.revision();
    for (const actors of [[dupl], [dupl, keep], [keep, dupl]]) {
      const response = await server.gql<{ upsertActors: unknown[] }>(UPSERT_ACTORS, { actors });
      expect(response.errors).toBeUndefined();
      expect(response.data!.upsertActors).toEqual(actors.map(() => keep));
      const at = actors.indexOf(dupl);
      expect(response.extensions?.warnings).toEqual([
        {
          code: 'MERGED_ACTOR_ID',
          field: `actors[${at}].id`,
          id: 'h-keep',
          message: `actors[${at}].id: "h-dupl" was merged into "h-keep"; the row is not written and "h-keep" is returned as stored (upsert "h-keep" to change it)`,
        },
      ]);
    }
    expect(await server.store.getActorsByIds(['h-keep'])).toEqual([keep]);
    expect(await server.store.revision()).toBeGreaterThanOrEqual(revision);
    const audit = await server.gql<{ auditLog: { edges: { node: { action: string } }[] } }>(
      `{ auditLog(filter: { actorId: "h-keep" }, first: 50) { edges { node { action } } } }`,
    );
    expect(audit.data!.auditLog.edges.map((e) => e.node.action)).toEqual(['CREATE', 'MERGE']);
  });
});

describe('a deleted interaction blocks neither a merge nor a delete (item 7)', () => {
  it('merges X into Y once their only interaction is deleted, and deletes an actor whose interactions are all deleted', async () => {
    await server.gql(UPSERT_ACTORS, {
      actors: [
        { id: 'x', name: 'X', kind: 'SCHOOL' },
        { id: 'y', name: 'Y', kind: 'SCHOOL' },
        { id: 'z', name: 'Z', kind: 'SCHOOL' },
      ],
    });
    const recorded = await server.gql<{ recordInteractions: { id: string }[] }>(RECORD_INTERACTIONS, {
      interactions: [
        { kind: 'PEER_EXCHANGE', occurredAt: '2020-01-01T00:00:00Z', initiatorId: 'x', participantIds: ['y'] },
        { kind: 'PEER_EXCHANGE', occurredAt: '2020-02-01T00:00:00Z', initiatorId: 'z', participantIds: ['y'] },
      ],
    });
    const [xy, zy] = recorded.data!.recordInteractions.map((i) => i.id);
    const refused = await server.gql(MERGE, { s: 'x', t: 'y' });
    expect(refused.errors?.[0]?.message).toBe(
      `sourceId: "x" cannot be merged into y: interaction ${xy} is between the two only; delete it first (deleteInteractions)`,
    );
    expect((await server.gql(DELETE_INTERACTIONS, { ids: [xy] })).errors).toBeUndefined();
    const merged = await server.gql(MERGE, { s: 'x', t: 'y' });
    expect(merged.errors).toBeUndefined();
    expect(merged.data).toEqual({ mergeActors: { id: 'y', name: 'Y', kind: 'SCHOOL', region: null } });

    const stillLive = await server.gql(DELETE_ACTOR, { id: 'z' });
    expect(stillLive.errors?.[0]?.message).toBe(
      'id: "z" has 1 interaction(s); merge it into the actor it duplicates instead (mergeActors)',
    );
    expect((await server.gql(DELETE_INTERACTIONS, { ids: [zy] })).errors).toBeUndefined();
    expect((await server.gql(DELETE_ACTOR, { id: 'z' })).data).toEqual({ deleteActor: { id: 'z' } });
    expect(await server.store.countActors({})).toBe(1);
  });
});

describe('a new actor named as another is written with a warning (item 16)', () => {
  it('names the stored actor it looks like, case aside, and one earlier in the batch', async () => {
    await server.gql(UPSERT_ACTORS, { actors: [{ id: 'bmgf', name: 'Bill & Melinda Gates Foundation', kind: 'FOUNDATION' }] });
    const response = await server.gql<{ upsertActors: { id: string }[] }>(UPSERT_ACTORS, {
      actors: [
        { id: 'bmgf', name: 'Bill & Melinda Gates Foundation', kind: 'FOUNDATION', region: 'WA' },
        { id: 'gates', name: 'BILL & MELINDA GATES FOUNDATION', kind: 'FOUNDATION' },
        { id: 'a', name: 'Same', kind: 'SCHOOL' },
        { id: 'b', name: 'Same', kind: 'SCHOOL' },
      ],
    });
    expect(response.data!.upsertActors.map((a) => a.id)).toEqual(['bmgf', 'gates', 'a', 'b']);
    expect(response.extensions?.warnings).toEqual([
      {
        code: 'SAME_NAME_AS_ACTOR',
        field: 'actors[1].name',
        id: 'bmgf',
        message:
          'actors[1].name: the new actor "gates" is named "BILL & MELINDA GATES FOUNDATION", as "bmgf" is; if they are one organisation, merge them (mergeActors)',
      },
      {
        code: 'SAME_NAME_AS_ACTOR',
        field: 'actors[3].name',
        id: 'a',
        message: 'actors[3].name: the new actor "b" is named "Same", as "a" is; if they are one organisation, merge them (mergeActors)',
      },
    ]);
    // Updating an actor that exists is no new twin.
    const again = await server.gql(UPSERT_ACTORS, {
      actors: [{ id: 'gates', name: 'Bill & Melinda Gates Foundation', kind: 'FOUNDATION' }],
    });
    expect(again.extensions?.warnings).toBeUndefined();
  });
});

describe('the audit log reads newest first on request (item 21)', () => {
  const AUDIT = `query($order: AuditOrder, $after: String) {
    auditLog(first: 2, order: $order, after: $after) { edges { cursor node { action subjectId } } pageInfo { hasNextPage endCursor } }
  }`;
  type Audit = { auditLog: { edges: { node: { subjectId: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };

  it('keeps the order written by default, and pages newest first with order: NEWEST_FIRST', async () => {
    for (const id of ['first', 'second', 'third']) await server.gql(UPSERT_ACTORS, { actors: [{ id, name: id, kind: 'SCHOOL' }] });
    // The harness's admin token is the log's first entry.
    const byDefault = await server.gql<Audit>(AUDIT, {});
    expect(byDefault.data!.auditLog.edges.map((e) => e.node.subjectId)).toEqual(['test-admin', 'first']);
    const newest = await server.gql<Audit>(AUDIT, { order: 'NEWEST_FIRST' });
    expect(newest.data!.auditLog.edges.map((e) => e.node.subjectId)).toEqual(['third', 'second']);
    const older = await server.gql<Audit>(AUDIT, { order: 'NEWEST_FIRST', after: newest.data!.auditLog.pageInfo.endCursor });
    expect(older.data!.auditLog.edges.map((e) => e.node.subjectId)).toEqual(['first', 'test-admin']);
    expect(older.data!.auditLog.pageInfo.hasNextPage).toBe(false);
    // A newest-first cursor sent without its order is refused: the default order paged forward from it, repeating the first page.
    const cursor = newest.data!.auditLog.pageInfo.endCursor;
    expect(cursor).toMatch(/^n\d+$/);
    const mixed = await server.gql<Audit>(AUDIT, { after: cursor });
    expect(mixed.errors?.map((error) => [error.message, error.extensions?.code, error.extensions?.field])).toEqual([
      [`after: "${cursor}" came from order: NEWEST_FIRST; send that order again to page on`, 'BAD_USER_INPUT', 'after'],
    ]);
    // An oldest-first cursor is the bare number, as before, and pages on in either order.
    expect(byDefault.data!.auditLog.pageInfo.endCursor).toMatch(/^\d+$/);
  });
});
