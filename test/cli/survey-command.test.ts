import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { TokenService } from '../../src/auth/token-service';
import { registerSurveyCommand } from '../../src/cli/survey-command';
import { loadConfig } from '../../src/config';
import { systemAuthor } from '../../src/domain/access';
import { MetricsService } from '../../src/services/metrics-service';
import { SurveyService } from '../../src/services/survey-service';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'copnet-survey-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dbPath = join(dir, 'copnet.db');
let surveyId: string;

beforeAll(async () => {
  const store = openSqliteStore(dbPath);
  try {
    await store.upsertActors([
      { id: 'nsi-a', name: 'Alpha Network', kind: 'INTERMEDIARY', region: null, tags: [], affiliationId: null },
      { id: 'nsi-b', name: '@Beta, "the" network', kind: 'INTERMEDIARY', region: null, tags: [], affiliationId: null },
    ]);
    const surveys = new SurveyService(store, new MetricsService(store), new TokenService(store));
    const window = { from: new Date('2024-08-01T00:00:00Z'), to: new Date('2025-08-01T00:00:00Z') };
    surveyId = (await surveys.open({ name: 'Trust 2024–25', window, rosterKinds: ['INTERMEDIARY'] }, systemAuthor('test'))).id;
  } finally {
    await store.close();
  }
});

async function run(env: Record<string, string>, ...args: string[]): Promise<{ out: string; err: string[]; exitCode: number }> {
  let out = '';
  const err: string[] = [];
  process.exitCode = 0;
  const program = new Command('copnet').exitOverride();
  registerSurveyCommand(program, {
    loadConfig: () => loadConfig({ COPNET_DB_PATH: dbPath, PORT: '4321', ...env }),
    out: (text) => (out += text),
    err: (line) => err.push(line),
  });
  await program.parseAsync(['node', 'copnet', 'survey', ...args]);
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, exitCode };
}

describe('copnet survey', () => {
  it('prints new respondent links as CSV, formula-safe, each token bound to its actor', async () => {
    const { out, err, exitCode } = await run({ COPNET_PUBLIC_URL: 'https://copnet.example.org/' }, 'links', surveyId);
    expect([err, exitCode]).toEqual([[], 0]);
    const lines = out.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('actor_id,actor_name,url');
    expect(lines[1]).toMatch(
      /^nsi-a,Alpha Network,https:\/\/copnet\.example\.org\/\?view=form#token=copnet_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}$/,
    );
    expect(lines[2]).toMatch(/^nsi-b,"'@Beta, ""the"" network",https:\/\/copnet\.example\.org\/\?view=form#token=copnet_/);
    expect(lines[3]).toBe('');
    const token = lines[2]!.split('#token=')[1]!;
    const store = openSqliteStore(dbPath);
    try {
      expect(await new TokenService(store).authenticate(token)).toEqual({
        name: `survey:${surveyId}:nsi-b:1`,
        role: 'respondent',
        via: 'token',
        respondent: { surveyId, actorId: 'nsi-b' },
      });
    } finally {
      await store.close();
    }
  });

  it('points links at http://localhost:<PORT> without COPNET_PUBLIC_URL, numbering new tokens per actor', async () => {
    const { out } = await run({}, 'links', surveyId);
    expect(out.split('\n')[1]).toMatch(/^nsi-a,Alpha Network,http:\/\/localhost:4321\/\?view=form#token=copnet_/);
    const store = openSqliteStore(dbPath);
    try {
      expect((await store.listTokens()).map((t) => t.name).filter((name) => name.includes(':nsi-a:'))).toEqual([
        `survey:${surveyId}:nsi-a:1`,
        `survey:${surveyId}:nsi-a:2`,
      ]);
    } finally {
      await store.close();
    }
  });

  it('lists the surveys', async () => {
    const { out } = await run({}, 'list');
    expect(out).toBe(`${surveyId}\tTrust 2024–25\t2024-08-01T00:00:00.000Z/2025-08-01T00:00:00.000Z\topen\t2 actors\n`);
  });

  it('refuses an unknown survey in one line on stderr, exit code 1, printing nothing', async () => {
    expect(await run({}, 'links', 'nope')).toEqual({
      out: '',
      err: ['copnet survey: surveyId: "nope" is not a known survey'],
      exitCode: 1,
    });
  });

  it('refuses a COPNET_PUBLIC_URL with a query or fragment, naming the variable', async () => {
    const { out, err, exitCode } = await run({ COPNET_PUBLIC_URL: 'https://x.org/?a=1' }, 'links', surveyId);
    expect([out, exitCode]).toEqual(['', 1]);
    expect(err).toEqual([
      'copnet survey: Invalid configuration: COPNET_PUBLIC_URL="https://x.org/?a=1": must be an address such as https://copnet.example.org or https://example.org/copnet, without a query or fragment',
    ]);
  });
});
