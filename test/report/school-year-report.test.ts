import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { topActors } from '../../src/metrics/actor-lookup';
import { MetricsService } from '../../src/services/metrics-service';
import { ReportService } from '../../src/services/report-service';
import { SurveyService } from '../../src/services/survey-service';
import { TokenService } from '../../src/auth/token-service';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/store';

/** The school-year report of the demo network, 2018–19 to 2024–25, through the real SQLite store. */
jest.setTimeout(300_000);

const SERIES = { from: new Date('2018-08-01T00:00:00Z'), to: new Date('2025-08-01T00:00:00Z'), step: 'SCHOOL_YEAR' as const };
const LABELS = ['2018–19', '2019–20', '2020–21', '2021–22', '2022–23', '2023–24', '2024–25'];
const reportsOf = (store: Store, metrics: MetricsService, at: string) =>
  new ReportService(store, metrics, new SurveyService(store, metrics, new TokenService(store), null), () => new Date(at));
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');

describe('the school-year report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'copnet-report-'));
  let store: Store;
  let metrics: MetricsService;
  let html: string;
  beforeAll(async () => {
    store = openSqliteStore(join(dir, 'copnet.db'));
    await loadDemoData(store);
    metrics = new MetricsService(store);
    html = (await reportsOf(store, metrics, '2026-01-02T03:04:05Z').render({ series: SERIES })).html;
  }, 300_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the verdict and its sentence', async () => {
    const { trend } = await metrics.series(SERIES);
    expect(trend.verdict).toBe('MORE_PEER_CONNECTED');
    expect(html).toContain('<h2 id="verdict-title">Verdict: Becoming more peer-connected</h2>');
    expect(html).toContain(`<p class="summary">${escaped(trend.summary)}</p>`);
    expect(trend.summary).toMatch(/^Across 7 windows \(2018–19 to 2024–25\), betweenness centralization fell from 0\.61 to 0\.06/);
  });

  it('draws one point per window for each of the four signals, in window order', () => {
    const chart = /<svg class="chart" id="signals-chart"[\s\S]*?<\/svg>/.exec(html)![0];
    const points = [...chart.matchAll(/<circle class="point" data-line="([^"]+)" data-window="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    const lines = [
      'Betweenness centralization',
      'Foundation&#39;s share of ties',
      'Cross-network share of ties',
      'Foundation&#39;s share of initiated interactions',
    ];
    expect(points).toEqual(lines.flatMap((line) => LABELS.map((label) => [line, label])));
    const bars = [...html.matchAll(/<g class="bar" data-window="([^"]+)"/g)].map((m) => m[1]);
    expect(bars).toEqual(LABELS);
  });

  it('lists the ten brokers of the last window, highest betweenness first', async () => {
    const last = await metrics.snapshot({ from: new Date('2024-08-01T00:00:00Z'), to: SERIES.to });
    const top = topActors(last, 'betweenness', 10);
    const names = (await store.getActorsByIds(top.map((b) => b.actorId))).map((a) => a!.name);
    expect(names).toHaveLength(10);
    const table = /<table class="brokers">[\s\S]*?<\/table>/.exec(html)![0];
    expect(table).toContain('<caption>The brokers of 2024–25: highest betweenness first</caption>');
    const rows = [...table.matchAll(/<tr><th scope="row">(\d+)<\/th><td>([^<]+)<\/td><td>[^<]+<\/td><td>([^<]+)<\/td>/g)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);
    expect(rows).toEqual(top.map((b, i) => [String(i + 1), escaped(names[i]!), b.betweenness.toFixed(4)]));
  });

  it('has its sections in order, the hub labelled on both maps, Jaccard per window pair, no surveys, and nothing to fetch', () => {
    const headings = [...html.matchAll(/<h([12]) id="[^"]+">([^<]+)<\/h[12]>|<h1>([^<]+)<\/h1>/g)].map((m) => m[2] ?? m[3]);
    expect(headings).toEqual([
      'Network report, 2018–19 to 2024–25',
      'The data behind it',
      'Verdict: Becoming more peer-connected',
      'The four signals',
      'The tie mix',
      'Change points',
      'The network, first and last window',
      'The ten brokers of 2024–25',
      'Tie changes',
      'Survey trust and value',
      'Definitions',
    ]);
    expect(html.match(/\(hub\)<\/text>/g)).toHaveLength(2);
    expect(html.match(/<tr><th scope="row">\d{4}–\d\d → \d{4}–\d\d<\/th>/g)).toHaveLength(6);
    expect(html).toContain('No surveys were recorded for this period');
    expect(html).not.toMatch(/<script|<link|<img|url\(|@import|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain('<p class="made-at">Made at <time datetime="2026-01-02T03:04:05.000Z">2026-01-02 03:04:05 UTC</time>.</p>');
  });

  it('is identical across two runs but for the "made at" line (the CoP itself: the foundation and the intermediaries)', async () => {
    // Two services with their own caches: the second run recomputes every window and lays out the maps again.
    const request = { series: SERIES, scope: { actorKinds: ['FOUNDATION', 'INTERMEDIARY'] as const } };
    const first = (await reportsOf(store, new MetricsService(store), '2026-01-02T03:04:05Z').render(request)).html;
    const again = (await reportsOf(store, new MetricsService(store), '2027-06-07T08:09:10Z').render(request)).html;
    expect(first).toContain('<p class="scope">Scope: actor kinds FOUNDATION, INTERMEDIARY;');
    const lines = first.split('\n');
    const otherLines = again.split('\n');
    expect(otherLines).toHaveLength(lines.length);
    const differing = lines.map((line, i) => [line, otherLines[i]]).filter(([a, b]) => a !== b);
    expect(differing).toEqual([
      [
        '<p class="made-at">Made at <time datetime="2026-01-02T03:04:05.000Z">2026-01-02 03:04:05 UTC</time>.</p>',
        '<p class="made-at">Made at <time datetime="2027-06-07T08:09:10.000Z">2027-06-07 08:09:10 UTC</time>.</p>',
      ],
    ]);
  });

  it("shows a survey of 2019–20 with its hand-computed trust and value beside that window's betweenness centralization", async () => {
    const surveys = new SurveyService(store, metrics, new TokenService(store), null);
    const author = { by: 'test', at: new Date('2026-01-01T00:00:00Z') };
    const survey = await surveys.open(
      {
        name: 'Partner survey 2019–20',
        window: { from: new Date('2019-08-01T00:00:00Z'), to: new Date('2020-08-01T00:00:00Z') },
        rosterIds: ['bmgf', 'nsi-baltimore-city', 'nsi-core-districts', 'nsi-city-year'],
      },
      author,
    );
    const items = (t: [number, number, number], v: [number | null, number | null, number | null]) => ({
      reliability: t[0],
      openness: t[1],
      sharedMission: t[2],
      influence: v[0],
      resources: v[1],
      involvement: v[2],
    });
    await surveys.submit(
      { surveyId: survey.id, actorId: 'bmgf' },
      [
        { partnerId: 'nsi-baltimore-city', workedTogether: true, ...items([3, 3, 3], [2, 2, 2]) },
        { partnerId: 'nsi-core-districts', workedTogether: true, ...items([4, 4, 4], [4, 4, null]) },
      ],
      author,
    );
    await surveys.submit(
      { surveyId: survey.id, actorId: 'nsi-baltimore-city' },
      [
        { partnerId: 'bmgf', workedTogether: true, ...items([2, 3, 4], [1, 2, 3]) },
        { partnerId: 'nsi-city-year', workedTogether: false },
      ],
      author,
    );
    const { scores } = await surveys.results(survey);
    const series = await metrics.series(SERIES);
    const report = (await reportsOf(store, metrics, '2026-01-02T03:04:05Z').render({ series: SERIES })).html;
    const table = /<table class="surveys">[\s\S]*?<\/table>/.exec(report)![0];
    const rows = [...table.matchAll(/<tr><th scope="row">([^<]+)<\/th>((?:<td>[^<]*<\/td>)+)<\/tr>/g)].map((m) => [
      m[1],
      ...[...m[2]!.matchAll(/<td>([^<]*)<\/td>/g)].map((c) => c[1]),
    ]);
    // trust: mean(3, 4, 3) = 3.33; value: mean(2, 4, 2) = 2.67; 2 of the 4 answered: below 65%, read with caution
    expect(rows).toEqual([
      [
        'Partner survey 2019–20',
        '2019–20',
        '2 of 4 (50.0%)',
        'read with caution',
        '3.33',
        '2.67',
        `${(scores.confirmedShare! * 100).toFixed(1)}%`,
        String(scores.unloggedTies.length),
        series.snapshots[1]!.betweennessCentralization.toFixed(3),
      ],
    ]);
    expect(scores.networkTrust).toBeCloseTo(10 / 3, 12);
    expect(scores.networkValue).toBeCloseTo(8 / 3, 12);
    expect(report).not.toContain('No surveys were recorded for this period');
  });
});
