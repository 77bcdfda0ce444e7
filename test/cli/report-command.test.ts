import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerReportCommand, runReportCommand, type ReportCommandOptions } from '../../src/cli/report-command';
import { validateActorBatch } from '../../src/domain/actor';
import { validateInteractionBatch } from '../../src/domain/interaction';
import { openTestStore } from '../store/test-store';
import { STORY_ACTORS, STORY_LOG } from '../fixtures/story-network';

/** `copnet report` over a real store file: the same document GET /report serves. */
let dir: string;
let dbPath: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copnet-report-cli-'));
  dbPath = join(dir, 'copnet.db');
  const store = await openTestStore(dbPath);
  try {
    await store.upsertActors(validateActorBatch(STORY_ACTORS));
    await store.recordInteractions(validateInteractionBatch(STORY_LOG));
  } finally {
    await store.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(options: ReportCommandOptions) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReportCommand(options, {
    openStore: () => openTestStore(dbPath),
    cwd: dir,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    now: () => new Date('2026-01-02T03:04:05Z'),
  });
  return { code, out, err };
}

const SERIES = { from: '2019-08-01', to: '2021-08-01', step: 'SCHOOL_YEAR' };

describe('copnet report', () => {
  it('writes the report to --out and says where', async () => {
    const result = await run({ ...SERIES, title: 'CoP 2019–21', out: 'report.html' });
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    const target = join(dir, 'report.html');
    const html = readFileSync(target, 'utf8');
    expect(result.out).toEqual([
      `copnet report: wrote the SCHOOL_YEAR report of 2019-08-01T00:00:00.000Z to 2021-08-01T00:00:00.000Z to ${target} (${Buffer.byteLength(html).toLocaleString('en-US')} bytes)`,
    ]);
    expect(html).toContain('<h1>CoP 2019–21</h1>');
    expect(html).toContain('<h2 id="verdict-title">Verdict: Becoming more peer-connected</h2>');
    expect(html).toContain('<p class="made-at">Made at <time datetime="2026-01-02T03:04:05.000Z">');
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('without --out, names the file after the period', async () => {
    expect((await run(SERIES)).code).toBe(0);
    expect(existsSync(join(dir, 'copnet-report-2019-08-01_2021-08-01.html'))).toBe(true);
  });

  it.each([
    [{ ...SERIES, step: 'DECADE' }, 'copnet report: --step: "DECADE" is not one of WEEK, MONTH, QUARTER, SCHOOL_YEAR, YEAR'],
    [{ ...SERIES, from: '2022-01-01' }, /^copnet report: --from: "2022-01-01" must be before to/],
    [{ ...SERIES, actorKinds: 'ROBOT' }, /^copnet report: --actor-kinds\[0\]: "ROBOT"/],
    [{ ...SERIES, out: 'missing/report.html' }, 'copnet report: --out: "missing/report.html" is in a directory that does not exist'],
  ])('bad input %j: one line naming the flag, exit code 1, no file', async (options, message) => {
    const before = readdirSync(dir).sort();
    const result = await run(options);
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('is registered with its flags', () => {
    const program = new Command();
    registerReportCommand(program);
    const command = program.commands.find((c) => c.name() === 'report')!;
    expect(command.options.map((o) => o.long)).toEqual([
      '--from',
      '--to',
      '--step',
      '--window-size',
      '--expanding',
      '--actor-kinds',
      '--interaction-kinds',
      '--co-participation-limit',
      '--title',
      '--out',
    ]);
  });
});
