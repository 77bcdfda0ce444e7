/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core, against a
 * real copnet server on a random port with the demo network, serving the built bundle
 * (dist/web). Every request the page makes outside the server's origin is routed to a
 * failure and recorded; the test asserts there was none. Screenshots of each view go to
 * test-artifacts/web/ (ignored by git).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { postGraphql } from '../api/harness';
import {
  ARTIFACTS,
  describeBrowser,
  keepOnOrigin,
  launchChromium,
  seriousViolations,
  startDemoServer,
  type DemoServer,
} from './browser-session';

jest.setTimeout(120_000);

const SERIES_QUERY = `query ($series: SeriesInput!) { networkMetricSeries(series: $series) { trend { verdict summary } snapshots { window { from to label } actorCount stage hub { id name } } } }`;
const DEFAULT_SERIES = { from: '2018-08-01', to: '2025-08-01', step: 'SCHOOL_YEAR' };

interface SeriesAnswer {
  networkMetricSeries: {
    trend: { verdict: string; summary: string };
    snapshots: {
      window: { from: string; to: string; label: string };
      actorCount: number;
      stage: string;
      hub: { id: string; name: string } | null;
    }[];
  };
}

describeBrowser('the dashboard in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  const offOrigin: string[] = [];
  const pageErrors: string[] = [];
  let origin: string;
  /** The admin token a fresh store's first start creates; each page gets it the way a user does, from the URL fragment. */
  let token: string;

  beforeAll(async () => {
    server = await startDemoServer('copnet-web-');
    ({ origin, token } = server);
    browser = await launchChromium();
    // bypassCSP lets the test inject axe-core; the route guard still fails any request off the origin.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, bypassCSP: true });
    await keepOnOrigin(context, origin, offOrigin);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
    await page.goto(`${origin}${path}${path.includes('#') ? '' : `#token=${token}`}`);
    return page;
  }

  async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const answer = await postGraphql<T>(`${origin}/graphql`, query, variables, token);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  it('tells the story: the verdict and summary equal the API, one chart point per window, a table view', async () => {
    const api = await gql<SeriesAnswer>(SERIES_QUERY, { series: DEFAULT_SERIES });
    const windows = api.networkMetricSeries.snapshots.length;
    expect(windows).toBe(7);
    const page = await open('/');
    await page.getByTestId('summary').waitFor();
    expect(await page.getByTestId('summary').textContent()).toBe(api.networkMetricSeries.trend.summary);
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toBe(api.networkMetricSeries.trend.verdict);
    expect(await page.getByTestId('verdict').textContent()).toBe(
      {
        MORE_PEER_CONNECTED: 'Becoming more peer-connected',
        MORE_HUB_CENTERED: 'Becoming more hub-centred',
        NO_CLEAR_CHANGE: 'No clear change',
      }[api.networkMetricSeries.trend.verdict],
    );
    // Four measures on the first chart, three on the second: one dot per window each.
    await page.locator('[data-testid=shares-chart] svg').first().waitFor();
    expect(await page.locator('[data-testid=shares-chart] g[data-mark=dot] > *').count()).toBe(4 * windows);
    expect(await page.locator('[data-testid=counts-chart] g[data-mark=dot] > *').count()).toBe(3 * windows);
    await page.getByText('Table view: the four signals').click();
    const rows = page.locator('[data-testid=shares-table] tbody tr');
    expect(await rows.count()).toBe(windows);
    expect(await rows.locator('th').allTextContents()).toEqual(api.networkMetricSeries.snapshots.map((s) => s.window.label));
    // The stacked tie mix: one area per tie class; the stage of each window in words.
    expect(await page.locator('[data-testid=mix-chart] g[data-mark=area] > *').count()).toBe(4);
    const stageWords: Record<string, string> = {
      SCATTERED_FRAGMENTS: 'Scattered fragments',
      HUB_AND_SPOKE: 'Hub and spoke',
      MULTI_HUB: 'Multi-hub',
      CORE_PERIPHERY: 'Core and periphery',
    };
    expect(await page.locator('[data-testid=windows-table] tbody tr td:nth-of-type(1)').allTextContents()).toEqual(
      api.networkMetricSeries.snapshots.map((s) => stageWords[s.stage]),
    );
    expect(await page.locator('[data-testid=tie-changes] tbody tr').count()).toBe(windows - 1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'story.png'), fullPage: true });
    // Story → Report: the school-year report of the same series, fetched with the tab's token and saved
    const report = page.getByRole('link', { name: 'Report (HTML: print it to PDF)' });
    expect(await report.getAttribute('href')).toMatch(
      /^\/report\?from=2018-08-01T00%3A00%3A00\.000Z&to=2025-08-01T00%3A00%3A00\.000Z&step=SCHOOL_YEAR/,
    );
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), report.click()]);
    expect(download.suggestedFilename()).toBe('copnet-report-2018-08-01_2025-08-01.html');
    expect(readFileSync(await download.path(), 'utf8')).toContain(
      `<p class="summary">${api.networkMetricSeries.trend.summary.replace(/'/g, '&#39;')}</p>`,
    );
    await page.close();
  });

  it('maps 2019–20 with exactly the snapshot’s actors, and clicking the hub opens its page', async () => {
    const api = await gql<SeriesAnswer>(SERIES_QUERY, { series: DEFAULT_SERIES });
    const year = api.networkMetricSeries.snapshots.find((s) => s.window.label === '2019–20')!;
    const page = await open('/?view=map&window=2019-08-01');
    const map = page.getByTestId('map');
    await page.locator('[data-testid=map][data-layout=done]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('map-window').textContent()).toBe('2019–20');
    expect(Number(await map.getAttribute('data-node-count'))).toBe(year.actorCount);
    expect(await page.getByTestId('map-status').textContent()).toContain(`${year.actorCount} actors`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'map-2019-20.png') });

    const box = (await map.boundingBox())!;
    const x = Number(await map.getAttribute('data-hub-x'));
    const y = Number(await map.getAttribute('data-hub-y'));
    await page.mouse.click(box.x + x, box.y + y);
    await page.getByTestId('actor-name').waitFor();
    expect(await page.getByTestId('actor-name').textContent()).toBe(year.hub!.name);
    expect(new URL(page.url()).searchParams.get('actor')).toBe(year.hub!.id);
    await page.locator('[data-testid=actor-degree-chart] svg').first().waitFor();
    expect(await page.locator('[data-testid=actor-degree-chart] g[data-mark=dot] > *').count()).toBe(
      api.networkMetricSeries.snapshots.length,
    );
    const intro = await gql<{ suggestedIntroductions: { actor: { name: string } }[] }>(
      `query ($id: ID!) { suggestedIntroductions(actorId: $id, window: { from: "2019-08-01", to: "2020-08-01" }, first: 10) { actor { name } } }`,
      { id: year.hub!.id },
    );
    await page.getByTestId('introductions').or(page.getByText('No suggestion:')).waitFor();
    if (intro.suggestedIntroductions.length > 0) {
      expect(await page.locator('[data-testid=introductions] tbody tr th').allTextContents()).toEqual(
        intro.suggestedIntroductions.map((i) => i.actor.name),
      );
    }
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'actor-hub.png'), fullPage: true });
    await page.close();
  });

  it('finds an actor by name and opens its page', async () => {
    const page = await open('/?view=actor');
    await page.getByLabel('Find an actor').fill('CORE Districts');
    await page.locator('#actor-search-options option').first().waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByTestId('actor-name').waitFor();
    expect(await page.getByTestId('actor-name').textContent()).toBe('CORE Districts');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('steps the map through the timeline with positions carried over', async () => {
    const page = await open('/?view=map&window=2019-08-01');
    await page.locator('[data-testid=map][data-layout=done]').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Later →' }).click();
    await page.getByTestId('map-window').filter({ hasText: '2020–21' }).waitFor();
    await page.locator('[data-testid=map][data-layout=done]').waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('window')).toBe('2020-08-01');
    await page.close();
  });

  it('lists brokers by betweenness, sortable, with a CSV download', async () => {
    const page = await open('/?view=brokers&window=2019-08-01');
    const table = page.getByTestId('brokers-table');
    await table.waitFor();
    const api = await gql<{ networkMetrics: { actors: { actor: { name: string }; betweenness: number }[] } }>(
      `{ networkMetrics(window: { from: "2019-08-01", to: "2020-08-01" }) { actors(first: 3, orderBy: BETWEENNESS) { actor { name } betweenness } } }`,
    );
    expect(await table.locator('tbody tr th').evaluateAll((cells) => cells.slice(0, 3).map((c) => c.textContent))).toEqual(
      api.networkMetrics.actors.map((a) => a.actor.name),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download CSV/ }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toBe('id,name,kind,betweenness,constraint,effectiveSize,degree,coreNumber,closeness,clustering,community');
    await page.getByRole('button', { name: 'Degree' }).click();
    expect(await table.locator('th[aria-sort=descending]').textContent()).toContain('Degree');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'brokers.png') });
    await page.close();
  });

  it('records an interaction: API errors next to the field, then the new interaction and the changed figures', async () => {
    const schools = await gql<{ actors: { edges: { node: { id: string; name: string } }[] } }>(
      `{ actors(filter: { kinds: [SCHOOL] }, first: 500) { edges { node { id name } } } }`,
    );
    const [a, b] = [schools.actors.edges[3]!.node, schools.actors.edges[480]!.node];
    const window = { from: '2019-08-01', to: '2020-08-01' };
    const figures = `query ($window: WindowInput!) { networkMetrics(window: $window) { interactionCount tieCount } }`;
    const before = await gql<{ networkMetrics: { interactionCount: number; tieCount: number } }>(figures, { window });

    const page = await open('/?view=record');
    await page.getByLabel('Kind').selectOption('PEER_EXCHANGE');
    await page.getByLabel('Date').fill('2019-10-15');
    await page.getByLabel('Initiator').fill(a.id);
    await page.getByLabel('Participants', { exact: true }).fill('no-such-school');
    await page.getByRole('button', { name: 'Add participant' }).click();
    await page.getByLabel('Weight (optional, default 1)').fill('2');
    await page.getByRole('button', { name: 'Record interaction' }).click();
    const fieldError = page.getByTestId('error-participantIds');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toMatch(/no-such-school/);
    expect(await page.locator('[data-field=participantIds] [aria-invalid=true]').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'record-bad-input.png'), fullPage: true });

    await page.getByRole('button', { name: 'Remove no-such-school' }).click();
    await page.getByLabel('Participants', { exact: true }).fill(b.id);
    await page.getByRole('button', { name: 'Add participant' }).click();
    await page.getByLabel('Note (optional)').fill('Browser test: peer exchange');
    await page.getByRole('button', { name: 'Record interaction' }).click();
    await page.getByTestId('recorded').waitFor();
    expect(await page.getByTestId('recorded-interaction').textContent()).toContain(`${a.name} with ${b.name}`);
    const listed = page.getByTestId('same-day').locator('li', { hasText: 'Browser test: peer exchange' });
    expect(await listed.count()).toBe(1);
    const after = await gql<{ networkMetrics: { interactionCount: number; tieCount: number } }>(figures, { window });
    expect(after.networkMetrics.interactionCount).toBe(before.networkMetrics.interactionCount + 1);
    expect(after.networkMetrics.tieCount).toBe(before.networkMetrics.tieCount + 1);
    const change = await page
      .getByTestId('window-change')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
    expect(change).toEqual([
      ['Interactions', String(before.networkMetrics.interactionCount), String(after.networkMetrics.interactionCount)],
      ['Ties', String(before.networkMetrics.tieCount), String(after.networkMetrics.tieCount)],
      expect.arrayContaining(['Actors']),
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'record-done.png'), fullPage: true });
    await page.close();
  });

  it('takes a token from the first-start URL into session storage and out of the address bar', async () => {
    const page = await open(`/#token=${token}`);
    await page.getByTestId('summary').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => sessionStorage.getItem('copnet.token'))).toBe(token);
    const sent = page.waitForRequest((request) => request.url().endsWith('/graphql') && request.method() === 'POST');
    await page.getByRole('link', { name: 'Brokers', exact: true }).click();
    expect((await sent).headers().authorization).toBe(`Bearer ${token}`);
    await page.close();
  });

  it('serves GraphiQL at /graphql with no internet, and it runs a query', async () => {
    const page = await open('/graphql');
    await page.locator('.graphiql-container').waitFor();
    expect(await page.title()).toBe('copnet · GraphiQL');
    await page.waitForFunction(() => (document.querySelector('.graphiql-query-editor')?.textContent ?? '').includes('networkMetricSeries'));
    // The run button works once the editor has started; try again until the answer shows.
    const answered = () => page.evaluate(() => (document.querySelector('.graphiql-response')?.textContent ?? '').includes('"verdict"'));
    for (let attempt = 0; attempt < 10 && !(await answered()); attempt += 1) {
      await page.locator('.graphiql-execute-button').click();
      await page.waitForTimeout(1000);
    }
    expect(await answered()).toBe(true);
    expect(await page.locator('.graphiql-response').textContent()).toContain('networkMetricSeries');
    // No axe check here: GraphiQL is the upstream IDE (its CodeMirror editors have findings of
    // their own); the dashboard's views above are the ones held to it.
    await page.screenshot({ path: join(ARTIFACTS, 'graphiql.png') });
    await page.close();
  });

  it('never asked for anything outside the server’s origin, and no page threw', () => {
    expect(offOrigin).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
