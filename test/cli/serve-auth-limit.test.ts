import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientsOnTwoProcesses, spawnCopnet, type CopnetProcess, type PinnedClient } from './copnet-process';

// Real `copnet serve` processes start from the TypeScript sources: slow on a loaded machine.
jest.setTimeout(300_000);

const LIMIT = 6;
const QUERY = JSON.stringify({ query: '{ actors { totalCount } }' });
const BAD = 'cpn_not-a-token-copnet-issued';

/**
 * `copnet serve --processes 2` with COPNET_AUTH_FAILURE_LIMIT=6: the limit holds for the server,
 * not per process. Each worker tells the primary of its failures, which tells the other worker.
 */
describe('the failed-authentication limit behind one primary', () => {
  let dir: string;
  let primary: CopnetProcess;
  let a: PinnedClient;
  let b: PinnedClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copnet-auth-limit-'));
    primary = await spawnCopnet(join(dir, 'copnet.db'), ['--processes', '2'], { COPNET_AUTH_FAILURE_LIMIT: String(LIMIT) });
    [a, b] = await clientsOnTwoProcesses(primary.url, BAD);
  });

  afterAll(async () => {
    a?.close();
    b?.close();
    expect(await primary?.stop('SIGTERM')).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an address on either process once its failures through both reach the limit', async () => {
    expect(await a.pid()).not.toBe(await b.pid());
    type Answer = { errors?: { extensions?: { code?: string } }[] };
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const answer = await (i % 2 === 0 ? a : b).send<Answer>('POST', '/graphql', QUERY);
      codes.push(`${answer.status} ${answer.body.errors?.[0]?.extensions?.code}`);
    }
    expect(codes).toEqual(Array.from({ length: LIMIT }, () => '200 UNAUTHENTICATED'));
    // The primary passes each failure on over IPC; give the last one a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Each process saw 3 of its own: counted per process, both would still answer UNAUTHENTICATED.
    const refused = [await a.send('POST', '/graphql', QUERY), await b.send('POST', '/graphql', QUERY)];
    expect(refused.map((answer) => answer.status)).toEqual([429, 429]);
    expect(refused.map((answer) => Number(answer.headers['retry-after']) > 0)).toEqual([true, true]);
  });
});
