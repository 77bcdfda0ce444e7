/**
 * Surveys in a real browser (issue 23): Debian's Chromium driven by playwright-core against
 * a real copnet server on a random port with the demo network, serving the built bundle.
 * An admin opens a survey in the Surveys view and downloads the links CSV; a phone-sized
 * page (375×740) opens one link, fills the form and saves; the admin's page then shows the
 * response rate and the figures the answers make (hand-computed below). axe-core checks the
 * form and the Surveys view. Screenshots go to test-artifacts/web/ (ignored by git).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
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

jest.setTimeout(180_000);

const SURVEY_NAME = 'Partner survey 2019–20';

interface SurveyAnswer {
  survey: {
    id: string;
    rosterSize: number;
    respondentCount: number;
    responseRate: number;
    coverage: string;
    ratingCount: number;
    networkTrust: number | null;
    networkValue: number | null;
    unloggedTieCount: number;
    loggedTies: number;
    confirmedShare: number | null;
    mutuallyConfirmedShare: number | null;
    isOpen: boolean;
  } | null;
}

const SURVEY_QUERY = `query ($id: ID!) { survey(id: $id) { id rosterSize respondentCount responseRate coverage ratingCount networkTrust networkValue unloggedTieCount loggedTies confirmedShare mutuallyConfirmedShare isOpen } }`;
const FORM_QUERY = `{ myForm { actor { id name } partners { actor { id name } interactions } roster { id name } } }`;

interface FormAnswer {
  myForm: {
    actor: { id: string; name: string };
    partners: { actor: { id: string; name: string }; interactions: number }[];
    roster: { id: string; name: string }[];
  };
}

describeBrowser('surveys in Chromium: open, hand out a link, answer on a phone, see the figures change', () => {
  let server: DemoServer;
  let browser: Browser;
  let admin: BrowserContext;
  let phone: BrowserContext;
  const offOrigin: string[] = [];
  const pageErrors: string[] = [];
  let origin: string;
  let token: string;

  beforeAll(async () => {
    server = await startDemoServer('copnet-web-surveys-');
    ({ origin, token } = server);
    browser = await launchChromium();
    // bypassCSP lets the test inject axe-core; the route guards still fail any request off the origin.
    admin = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, bypassCSP: true });
    phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true });
    for (const context of [admin, phone]) await keepOnOrigin(context, origin, offOrigin);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(context: BrowserContext, url: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${url}: ${error.message}`));
    await page.goto(url);
    return page;
  }

  async function gql<T>(query: string, variables?: Record<string, unknown>, as: string = token): Promise<T> {
    const answer = await postGraphql<T>(`${origin}/graphql`, query, variables, as);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  /** The cells of a table's rows, header cell first. */
  function cells(page: Page, testId: string): Promise<string[][]> {
    return page
      .getByTestId(testId)
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));
  }

  let surveyId: string;
  let rosterSize: number;
  let links: { actor_id: string; actor_name: string; url: string }[];

  it('opens a survey of 2019–20 for the foundation and the intermediaries, and downloads one link per roster actor', async () => {
    const kinds = await gql<{ actors: { totalCount: number } }>(
      `{ actors(filter: { kinds: [FOUNDATION, INTERMEDIARY] }, first: 1) { totalCount } }`,
    );
    const page = await open(admin, `${origin}/?view=surveys#token=${token}`);
    // The page's scope controls have kind checkboxes too: look inside the survey form only.
    const form = page.getByRole('form', { name: 'Open a survey' });
    await form.getByRole('button', { name: 'Open survey' }).waitFor();
    // Nothing ticked and no name: the form says so beside each field and sends nothing.
    for (const kind of ['Intermediary (NSI)', 'School', 'Support partner']) await form.getByLabel(kind, { exact: true }).uncheck();
    await form.getByRole('button', { name: 'Open survey' }).click();
    expect(await page.getByTestId('open-error-name').textContent()).toBe('Give the survey a name, e.g. "Partner survey 2024–25".');
    expect(await page.getByTestId('open-error-rosterKinds').textContent()).toBe('Tick at least one kind of actor to send the survey to.');

    await form.getByLabel('Name', { exact: true }).fill(SURVEY_NAME);
    await form.getByLabel('First day').fill('2019-08-01');
    await form.getByLabel('Last day (included)').fill('2020-07-31');
    await form.getByLabel('Foundation', { exact: true }).check();
    await form.getByLabel('Intermediary (NSI)', { exact: true }).check();
    await form.getByRole('button', { name: 'Open survey' }).click();
    await page.getByTestId('survey-name').waitFor();
    expect(await page.getByTestId('survey-name').textContent()).toBe(SURVEY_NAME);
    surveyId = new URL(page.url()).searchParams.get('survey')!;
    const api = (await gql<SurveyAnswer>(SURVEY_QUERY, { id: surveyId })).survey!;
    rosterSize = api.rosterSize;
    expect(rosterSize).toBe(kinds.actors.totalCount);
    expect(await page.getByTestId('survey-response-rate').textContent()).toBe(
      `0.0% (0 of ${rosterSize}) of the roster responded (coverage: caution)`,
    );

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('link', { name: 'Respondent links (CSV)' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split(/\r?\n/)[0]).toBe('actor_id,actor_name,url');
    links = parse<(typeof links)[number]>(csv, { columns: true, skip_empty_lines: true });
    expect(links).toHaveLength(rosterSize);
    for (const link of links) expect(link.url).toMatch(new RegExp(`^${origin.replace(/[.]/g, '\\.')}/\\?view=form#token=.+`));

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'survey-opened.png'), fullPage: true });
    await page.close();
  });

  it('refuses a link whose token is not valid, with a clear message', async () => {
    const page = await open(phone, `${origin}/?view=form#token=not-a-real-token`);
    await page.getByTestId('form-refused').waitFor();
    expect(await page.getByTestId('form-refused').textContent()).toContain('This link is not valid');
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.close();
  });

  it('fills the form on a phone: the pre-filled partners, six choices, a partner added, saved and shown again', async () => {
    // An intermediary's link (not the foundation's): its partners are the roster actors it met in 2019–20.
    const withForms = await Promise.all(
      links.map(async (link) => ({
        link,
        form: await gql<FormAnswer>(FORM_QUERY, undefined, new URLSearchParams(new URL(link.url).hash.slice(1)).get('token')!),
      })),
    );
    const chosen = withForms.find(
      (f) => f.form.myForm.partners.length >= 2 && f.form.myForm.partners.length < f.form.myForm.roster.length,
    )!;
    expect(chosen).toBeDefined();
    const form = chosen.form.myForm;
    const [first, second] = form.partners;
    const listed = new Set(form.partners.map((p) => p.actor.id));
    const extra = form.roster.find((a) => !listed.has(a.id))!;

    const page = await open(phone, chosen.link.url);
    await page.getByTestId('form-survey').waitFor();
    expect(await page.getByTestId('form-survey').textContent()).toBe(SURVEY_NAME);
    expect(await page.getByTestId('form-actor').textContent()).toBe(form.actor.name);
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(new URL(page.url()).hash).toBe('');
    const partners = page.getByTestId('form-partner');
    expect(await partners.locator('h3').allTextContents()).toEqual(form.partners.map((p) => p.actor.name));
    expect(await partners.locator('h3 + p').allTextContents()).toEqual(
      form.partners.map((p) => `${p.interactions} interaction${p.interactions === 1 ? '' : 's'} logged`),
    );

    // First partner: worked together; trust items 4, 3, 4 (trust 11/3); value items 2, 3 and "can't say" (value 2.5).
    const one = page.locator(`[data-partner="${first!.actor.id}"]`);
    await one
      .getByRole('group', { name: `Did you work together with ${first!.actor.name} in this period?` })
      .getByLabel('Yes')
      .check();
    const choose = async (section: typeof one, item: string, label: string) =>
      section
        .getByRole('group', { name: `${item}: ${await section.locator('h3').textContent()}` })
        .getByLabel(label)
        .check();
    await choose(one, 'Reliability', '4 A great deal');
    await choose(one, 'Openness to discussion', '3 Quite a bit');
    await choose(one, 'Support of shared mission', '4 A great deal');
    await choose(one, 'Power and influence', '2 A little');
    await choose(one, 'Resource contribution', '3 Quite a bit');
    await choose(one, 'Level of involvement', "Can't say");
    // Second partner: did not work together.
    const two = page.locator(`[data-partner="${second!.actor.id}"]`);
    await two
      .getByRole('group', { name: `Did you work together with ${second!.actor.name} in this period?` })
      .getByLabel('No')
      .check();
    // A roster actor the log does not tie it to: found by name, added, reliability 2 only (trust 2, no value).
    await page.getByLabel('Search the roster').fill(extra.name);
    await page.getByLabel('Partner', { exact: true }).selectOption(extra.id);
    await page.getByRole('button', { name: 'Add partner' }).click();
    const added = page.locator(`[data-partner="${extra.id}"]`);
    expect(await added.locator('h3 + p').textContent()).toBe('added by you');
    await choose(added, 'Reliability', '2 A little');
    expect(await page.getByTestId('form-progress').textContent()).toBe(`3 of ${form.partners.length + 1} partners answered`);

    // Usable at 375 px: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByTestId('form-saved').waitFor();
    expect(await page.getByTestId('form-saved').textContent()).toMatch(/^Thank you: your answers about 3 partners were saved at /);
    await page.screenshot({ path: join(ARTIFACTS, 'survey-form-phone.png'), fullPage: true });

    // Coming back (the token stays in this tab): the saved answers are filled in.
    await page.reload();
    await page.getByTestId('form-previous').waitFor();
    const again = page.locator(`[data-partner="${first!.actor.id}"]`);
    expect(
      await again
        .getByRole('group', { name: `Reliability: ${first!.actor.name}` })
        .getByLabel('4 A great deal')
        .isChecked(),
    ).toBe(true);
    expect(
      await again
        .getByRole('group', { name: `Level of involvement: ${first!.actor.name}` })
        .getByLabel("Can't say")
        .isChecked(),
    ).toBe(true);
    expect(
      await page
        .locator(`[data-partner="${second!.actor.id}"]`)
        .getByRole('group', { name: /^Did you work together/ })
        .getByLabel('No')
        .isChecked(),
    ).toBe(true);
    expect(await page.locator(`[data-partner="${extra.id}"] h3 + p`).textContent()).toBe('no interactions logged');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();

    // The admin's page: 1 of the roster responded, and the figures those answers make.
    const trust = (11 / 3 + 2) / 2;
    const api = (await gql<SurveyAnswer>(SURVEY_QUERY, { id: surveyId })).survey!;
    expect(api.respondentCount).toBe(1);
    expect(api.ratingCount).toBe(2);
    expect(api.networkTrust).toBeCloseTo(trust, 10);
    expect(api.networkValue).toBeCloseTo(2.5, 10);
    expect(api.unloggedTieCount).toBe(1);
    const adminPage = await open(admin, `${origin}/?view=surveys&survey=${surveyId}#token=${token}`);
    await adminPage.getByTestId('survey-response-rate').waitFor();
    expect(await adminPage.getByTestId('survey-response-rate').textContent()).toBe(
      `${((1 / rosterSize) * 100).toFixed(1)}% (1 of ${rosterSize}) of the roster responded (coverage: caution)`,
    );
    const figures = await cells(adminPage, 'survey-figures');
    expect(figures.slice(0, 3).map((row) => row.slice(0, 3))).toEqual([
      ['Network trust (1–4)', trust.toFixed(2), 'caution'],
      ['Network value (1–4)', '2.50', 'caution'],
      ['Ratings', '2', 'caution'],
    ]);
    // Of the respondent's logged ties (its pre-filled partners), one was confirmed (the second said no); no tie has both ends responding.
    expect(figures.slice(3).map((row) => row.slice(0, 2))).toEqual([
      ['Logged ties', String(api.loggedTies)],
      ['Ties confirmed', `${((1 / form.partners.length) * 100).toFixed(1)}%`],
      ['Ties mutually confirmed', '—'],
      ['Unlogged ties', '1'],
    ]);
    expect(api.confirmedShare).toBeCloseTo(1 / form.partners.length, 10);
    expect(api.mutuallyConfirmedShare).toBeNull();
    // The actors table, by trust received: the first partner (3.67), then the added one (2.00), then no score.
    const actors = await cells(adminPage, 'survey-actors');
    expect(actors.slice(0, 2)).toEqual([
      [first!.actor.name, '1', (11 / 3).toFixed(2), '2.50', 'no'],
      [extra.name, '1', '2.00', '—', 'no'],
    ]);
    expect(actors.find((row) => row[0] === form.actor.name)!.at(-1)).toBe('yes');
    await adminPage.getByRole('button', { name: 'Value received' }).click();
    expect(await adminPage.locator('[data-testid=survey-actors] th[aria-sort=descending]').textContent()).toContain('Value received');
    expect((await cells(adminPage, 'survey-actors'))[0]![0]).toBe(first!.actor.name);
    const unlogged = await adminPage.getByTestId('survey-unlogged').locator('li').allTextContents();
    expect(unlogged).toHaveLength(1);
    expect(unlogged[0]).toContain(extra.name);
    expect(await adminPage.getByTestId('survey-trend-table').locator('tbody tr').count()).toBe(1);
    await adminPage.locator('[data-testid=survey-map][data-layout=done]').waitFor({ timeout: 60_000 });
    // The map draws every logged tie among the roster and the one pair the log is missing.
    const map = adminPage.getByTestId('survey-map');
    expect([await map.getAttribute('data-edge-count'), await map.getAttribute('data-unlogged-count')]).toEqual([
      String(api.loggedTies + 1),
      '1',
    ]);
    expect(await seriousViolations(adminPage)).toEqual([]);
    await adminPage.screenshot({ path: join(ARTIFACTS, 'survey-results.png'), fullPage: true });

    // The Story shows the survey's trust beside the 2019–20 centralization.
    const series = await gql<{ networkMetricSeries: { snapshots: { window: { label: string }; betweennessCentralization: number }[] } }>(
      `{ networkMetricSeries(series: { from: "2018-08-01", to: "2025-08-01", step: SCHOOL_YEAR }) { snapshots { window { label } betweennessCentralization } } }`,
    );
    const year = series.networkMetricSeries.snapshots.find((s) => s.window.label === '2019–20')!;
    const story = await open(admin, `${origin}/#token=${token}`);
    await story.getByTestId('story-surveys').waitFor();
    expect(await cells(story, 'survey-trend-table')).toEqual([
      [
        SURVEY_NAME,
        '2019-08-01 – 2020-07-31',
        trust.toFixed(2),
        '2.50',
        `caution (${((1 / rosterSize) * 100).toFixed(1)}% responded)`,
        year.betweennessCentralization.toFixed(3),
      ],
    ]);
    await story.close();

    // Closing: the admin closes it, and the link's form says it is closed.
    await adminPage.getByRole('button', { name: 'Close survey' }).click();
    await adminPage.getByRole('button', { name: 'Close now' }).click();
    await adminPage.getByTestId('survey-status').filter({ hasText: 'Closed' }).waitFor();
    expect((await gql<SurveyAnswer>(SURVEY_QUERY, { id: surveyId })).survey!.isOpen).toBe(false);
    await adminPage.close();
    const closed = await open(phone, chosen.link.url);
    await closed.getByTestId('form-refused').waitFor();
    expect(await closed.getByTestId('form-refused').textContent()).toContain('closed');
    await closed.close();
  });

  it("shows a reader the survey's figures but no score from fewer than 3 raters, and no individual answers", async () => {
    const reader = (
      await gql<{ createToken: { token: string } }>(`mutation { createToken(input: { name: "survey-reader", role: reader }) { token } }`)
    ).createToken.token;
    const page = await open(admin, `${origin}/?view=surveys&survey=${surveyId}#token=${reader}`);
    await page.getByTestId('survey-figures').waitFor();
    expect((await cells(page, 'survey-figures'))[0]!.slice(0, 2)).toEqual(['Network trust (1–4)', ((11 / 3 + 2) / 2).toFixed(2)]);
    const actors = await cells(page, 'survey-actors');
    expect(actors.every((row) => row[2] === '—' && row[3] === '—')).toBe(true);
    expect(await page.getByText('shown to admins only').count()).toBe(1);
    expect(await page.getByTestId('survey-unlogged').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('never asked for anything outside the server’s origin, and no page threw', () => {
    expect(offOrigin).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
