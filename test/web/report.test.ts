/**
 * The school-year report in a real browser: fetched from a real server with a reader token,
 * saved to a file, opened from disk in Debian's Chromium (playwright-core) with every
 * request recorded, and printed to an A4 PDF as "Print → Save as PDF" does.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { RECORD_INTERACTIONS, startTestServer, UPSERT_ACTORS, type TestServer } from '../api/harness';
import { STORY_ACTORS, STORY_LOG, REPORT_QUERY } from '../fixtures/story-network';
import { ARTIFACTS, describeBrowser, launchChromium } from './browser-session';

jest.setTimeout(120_000);

describeBrowser('the report in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    server = await startTestServer();
    expect((await server.gql(UPSERT_ACTORS, { actors: STORY_ACTORS })).errors).toBeUndefined();
    expect((await server.gql(RECORD_INTERACTIONS, { interactions: STORY_LOG })).errors).toBeUndefined();
    const response = await server.request(`/report?${REPORT_QUERY}`, { token: await server.createToken('reader') });
    expect(response.status).toBe(200);
    dir = mkdtempSync(join(tmpdir(), 'copnet-report-web-'));
    file = join(dir, 'report.html');
    writeFileSync(file, await response.text());
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens offline from the file: no request but the file itself, no script, headings in order', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await page.locator('script').count()).toBe(0);
    const levels = await page.locator('h1, h2, h3').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    expect(levels.every((level, i) => i === 0 || level <= levels[i - 1]! + 1)).toBe(true);
    // every chart and map has a text equivalent, every table a caption and column headers
    const charts = await page
      .locator('svg')
      .evaluateAll((svgs) =>
        svgs.map((s) => [s.getAttribute('role'), s.querySelector('title')?.textContent !== undefined, !!s.querySelector('desc')]),
      );
    expect(charts).toEqual(Array(charts.length).fill(['img', true, true]));
    expect(charts).toHaveLength(4);
    const tables = await page
      .locator('table')
      .evaluateAll((ts) => ts.map((t) => !!t.querySelector('caption') && !!t.querySelector('thead th')));
    expect(tables.every(Boolean)).toBe(true);
    await page.close();
  });

  it('prints to an A4 PDF of a few pages, with no request leaving the file', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'report.pdf'), pdf);
    expect(requests).toEqual([pathToFileURL(file).href]);
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.length).toBeLessThanOrEqual(10);
    // A4 is 595 × 842 points
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text)!;
    expect([Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
    await page.close();
  });
});
