/**
 * Import benchmark (issue "Bring data in"): generates interactions among 10,000 actors as
 * CSV files in a temp directory, imports them with the real importer into a fresh embedded
 * SQLite store, and prints rows per second and peak memory. Target: ≥ 50,000 interactions
 * per second for 1,000,000 rows, with peak memory flat in the file size, which is why it
 * imports two sizes (100,000 and 1,000,000 rows by default) and prints both.
 *
 *   npm run bench:import -- [--sizes 100000,1000000] [--actors 10000] [--batch 50000] [--store sqlite|neo4j|sqlite,neo4j]
 *                           [--baseline ../other-build [--rounds 2]] [--cpu-prof DIR]
 *
 * `--store neo4j` imports into Neo4j instead (the one at NEO4J_URI if set and empty, else a fresh
 * test server started for the run: see scripts/neo4j-bench-server.ts), with the Neo4j batch size
 * by default; peak RSS is copnet's (the importing Node process), not the database's.
 * `--store sqlite,neo4j` imports the same generated files into both, one after the other in one
 * run, and prints the Neo4j/SQLite ratio of the rates (the figure the two stores are judged by,
 * since the machine's load moves both). On Neo4j a size imports into a database emptied first.
 *
 * `--baseline <build>` (SQLite only) also runs that build's import child (its
 * dist/scripts/bench-import.js, given the same `--child` arguments) on the same generated files,
 * alternating with this build's `--rounds` times, and prints the ratio of the median rates: the
 * figure to judge a change by on a shared machine, where the neighbours move both builds alike.
 *
 * `--cpu-prof DIR` runs this build's import children under `node --cpu-prof`, their profiles written
 * to DIR (open them in Chrome's DevTools or read their self times): the import's profile alone,
 * without the generator's.
 *
 * Each import runs in a child process of its own, so its peak RSS (getrusage maxrss) is
 * the import's alone, not the generator's. CPU time is printed next to wall time because
 * wall time on a shared machine says as much about the neighbours as about copnet.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ActorInput } from '../src/domain/actor';
import { INTERACTION_KINDS } from '../src/domain/interaction';
import { DemoRandom } from '../src/demo/random';
import { DEFAULT_IMPORT_BATCH_SIZE, importRows, type ImportStep } from '../src/import/import-rows';
import { openImportSources } from '../src/import/open-import-sources';
import { INTERACTION_CSV_HEADER, writeActorsCsv, writeCsvFile } from '../src/import/write-import-files';
import { childStoreEnv, openChildStore } from './bench/child-store';
import { loadAverage } from './bench/report';
import type { Store } from '../src/store/store';
import { benchNeo4j, type BenchNeo4j } from './neo4j-bench-server';
import { randomActors } from './bench/random-interaction';
import { parseCommandLine } from './bench/command-line';

const USAGE =
  'npm run bench:import -- [--sizes 100000,1000000] [--actors 10000] [--batch 50000] [--store sqlite|neo4j|sqlite,neo4j] [--baseline ../other-build [--rounds 2]] [--cpu-prof DIR]';

interface ChildFigures {
  rows: number;
  written: number;
  problems: number;
  checkSeconds: number;
  writeSeconds: number;
  totalSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  /** Size of the SQLite file; null on Neo4j (the server's files are not copnet's). */
  dbMb: number | null;
}

const START = Date.UTC(2019, 7, 1);
const SPAN_MS = 5 * 365 * 24 * 60 * 60 * 1000;

function actorsFor(count: number): ActorInput[] {
  const actors: ActorInput[] = [{ id: 'a0', name: 'Foundation', kind: 'FOUNDATION', region: 'WA', tags: ['funder'] }];
  const intermediaries = Math.max(1, Math.floor(count / 50));
  for (let i = 1; i < count; i++) {
    const isIntermediary = i <= intermediaries;
    actors.push({
      id: `a${i}`,
      name: isIntermediary ? `Intermediary ${i}` : `School ${i}`,
      kind: isIntermediary ? 'INTERMEDIARY' : 'SCHOOL',
      region: 'TX',
      tags: isIntermediary ? ['bench'] : ['bench', 'school'],
      affiliationId: isIntermediary ? null : `a${1 + (i % intermediaries)}`,
    });
  }
  return actors;
}

function* interactionRecords(rows: number, actorCount: number, seed: number): Iterable<string[]> {
  const random = new DemoRandom(seed);
  for (let n = 0; n < rows; n++) {
    const { initiator, participants } = randomActors(random, actorCount);
    const at = START + Math.floor((n / rows) * SPAN_MS);
    yield [
      `bench-${String(n).padStart(8, '0')}`,
      INTERACTION_KINDS[n % INTERACTION_KINDS.length]!,
      new Date(at).toISOString(),
      `a${initiator}`,
      [...participants].map((p) => `a${p}`).join(';'),
      n % 4 === 0 ? '' : String(1 + (n % 3)),
      n % 10 === 0 ? `Note ${n}, with a comma` : '',
    ];
  }
}

/** In the child: import the files into a fresh store and print the figures as JSON. */
async function runImport(dir: string, batchSize: number): Promise<void> {
  // The parent names a Neo4j in the environment when benchmarking that store.
  const { store, kind } = await openChildStore(join(dir, 'bench.db'));
  const marks: Partial<Record<ImportStep, number>> = {};
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let problems = 0;
  const sources = await openImportSources({ format: 'csv', actors: join(dir, 'actors.csv'), interactions: join(dir, 'interactions.csv') });
  const result = await importRows(store, sources, {
    batchSize,
    onProblem: () => (problems += 1),
    onStep: (step) => (marks[step] = performance.now()),
  });
  await store.close();
  const cpu = process.cpuUsage(cpuBefore);
  const figures: ChildFigures = {
    rows: result.interactions?.read ?? 0,
    written: result.interactions?.written ?? 0,
    problems,
    checkSeconds: ((marks.writing ?? started) - started) / 1000,
    writeSeconds: ((marks.done ?? started) - (marks.writing ?? started)) / 1000,
    totalSeconds: (performance.now() - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    dbMb: kind === 'neo4j' ? null : statSync(join(dir, 'bench.db')).size / 1e6,
  };
  process.stdout.write(JSON.stringify(figures));
}

async function main(): Promise<void> {
  const { values } = parseCommandLine(
    {
      options: {
        // One size on Neo4j: a second size would find the first one's rows already present.
        sizes: { type: 'string' },
        actors: { type: 'string', default: '10000' },
        batch: { type: 'string' },
        store: { type: 'string', default: 'sqlite' },
        child: { type: 'string' },
        baseline: { type: 'string' },
        rounds: { type: 'string', default: '2' },
        'cpu-prof': { type: 'string' },
      },
    },
    USAGE,
  );
  const stores = (values.store ?? 'sqlite').split(',');
  for (const store of stores)
    if (store !== 'sqlite' && store !== 'neo4j') throw new Error(`--store: ${JSON.stringify(store)} is not sqlite or neo4j`);
  const kinds = stores as Store['kind'][];
  if (values.child) return runImport(values.child, Number(values.batch ?? DEFAULT_IMPORT_BATCH_SIZE.sqlite));

  const actorCount = Number(values.actors);
  const sizes = (values.sizes ?? (kinds.includes('neo4j') ? '1000000' : '100000,1000000')).split(',').map(Number);
  const batchOf = (kind: Store['kind']) => Number(values.batch ?? DEFAULT_IMPORT_BATCH_SIZE[kind]);
  const baseline = values.baseline ? resolve(values.baseline, 'dist/scripts/bench-import.js') : null;
  if (baseline !== null && (kinds.length !== 1 || kinds[0] !== 'sqlite')) throw new Error('--baseline: compares SQLite imports only');
  const rounds = baseline === null ? 1 : Number(values.rounds);
  const profileDir = values['cpu-prof'] ? resolve(values['cpu-prof']) : null;
  const server = kinds.includes('neo4j') ? await benchNeo4j() : null;
  console.log(
    `copnet import benchmark: ${actorCount.toLocaleString('en-US')} actors, batches of ` +
      kinds.map((kind) => `${batchOf(kind).toLocaleString('en-US')} (${kind})`).join(', ') +
      `, Node ${process.version}, into ` +
      kinds.map((kind) => (kind === 'neo4j' ? server!.where : 'a fresh SQLite file')).join(' and '),
  );
  try {
    for (const rows of sizes) await benchOneSize(rows, actorCount, kinds, batchOf, server, baseline, rounds, profileDir);
  } finally {
    await server?.stop();
  }
  console.log(`load average ${loadAverage()} (1, 5, 15 min; other work on this machine slows every figure)`);
}

async function benchOneSize(
  rows: number,
  actorCount: number,
  kinds: readonly Store['kind'][],
  batchOf: (kind: Store['kind']) => number,
  server: BenchNeo4j | null,
  baseline: string | null,
  rounds: number,
  profileDir: string | null,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'copnet-bench-import-'));
  try {
    const generateStart = performance.now();
    await writeActorsCsv(join(dir, 'actors.csv'), actorsFor(actorCount));
    await writeCsvFile(join(dir, 'interactions.csv'), INTERACTION_CSV_HEADER, interactionRecords(rows, actorCount, 42));
    const fileMb = statSync(join(dir, 'interactions.csv')).size / 1e6;
    const generateSeconds = (performance.now() - generateStart) / 1000;
    console.log(`${rows.toLocaleString('en-US')} interactions (${fileMb.toFixed(0)} MB CSV, generated in ${generateSeconds.toFixed(1)} s)`);
    const rates = new Map<Store['kind'], number>();
    const runs: { build: string; script: string; kind: Store['kind'] }[] = kinds.map((kind) => ({
      build: 'this build',
      script: __filename,
      kind,
    }));
    if (baseline !== null) runs.push({ build: 'baseline', script: baseline, kind: 'sqlite' });
    const baselineRates: number[] = [];
    const thisRates: number[] = [];
    // Rows per CPU-second too: on a loaded machine the neighbours move wall time far more than CPU time.
    const baselineCpuRates: number[] = [];
    const thisCpuRates: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const { build, script, kind } of runs) {
        if (kind === 'neo4j') await server!.empty();
        rmSync(join(dir, 'bench.db'), { force: true });
        const f = runChild(script, dir, kind, batchOf(kind), server, build === 'baseline' ? null : profileDir);
        const rate = f.rows / f.totalSeconds;
        if (build === 'baseline') {
          baselineRates.push(rate);
          baselineCpuRates.push(f.rows / f.cpuSeconds);
        } else {
          rates.set(kind, rate);
          thisRates.push(rate);
          thisCpuRates.push(f.rows / f.cpuSeconds);
        }
        const label = baseline === null ? kind : `${kind}, ${build}, round ${round} (load average ${loadAverage()})`;
        printFigures(label, kind, f);
      }
    }
    if (baseline !== null) {
      const ratio = median(thisRates) / median(baselineRates);
      const perSecond = (rates: number[]) => Math.round(median(rates)).toLocaleString('en-US');
      console.log(
        `  this build / baseline (${baseline}): ${ratio.toFixed(2)}× the median rate ` +
          `(${perSecond(thisRates)} against ${perSecond(baselineRates)}/s, same files, alternating); ` +
          `${(median(thisCpuRates) / median(baselineCpuRates)).toFixed(2)}× per CPU-second (${perSecond(thisCpuRates)} against ${perSecond(baselineCpuRates)})`,
      );
    }
    const neo4jRate = rates.get('neo4j');
    const sqliteRate = rates.get('sqlite');
    if (neo4jRate !== undefined && sqliteRate !== undefined) {
      console.log(`  neo4j/sqlite import rate: ${(neo4jRate / sqliteRate).toFixed(2)} (same files, same run)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs an import child (this build's or the baseline's script) on the generated files in `dir`. */
function runChild(
  script: string,
  dir: string,
  kind: Store['kind'],
  batch: number,
  server: BenchNeo4j | null,
  profileDir: string | null,
): ChildFigures {
  const profile = profileDir === null ? [] : ['--cpu-prof', '--cpu-prof-dir', profileDir];
  const output = execFileSync(process.execPath, [...profile, script, '--child', dir, '--batch', String(batch)], {
    encoding: 'utf8',
    env: childStoreEnv(kind === 'neo4j' ? { uri: server!.options.uri, password: server!.options.password } : null),
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output) as ChildFigures;
}

function printFigures(label: string, kind: Store['kind'], f: ChildFigures): void {
  const perSecond = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');
  console.log(
    [
      `  ${label}: written ${f.written.toLocaleString('en-US')}, problems ${f.problems}` +
        (f.dbMb === null ? '' : `, database ${f.dbMb.toFixed(0)} MB`),
      `    check pass ${f.checkSeconds.toFixed(1)} s, write pass ${f.writeSeconds.toFixed(1)} s, total ${f.totalSeconds.toFixed(1)} s wall / ${f.cpuSeconds.toFixed(1)} s CPU`,
      `    ${perSecond(f.rows, f.totalSeconds)} interactions/s (wall), ${perSecond(f.rows, f.cpuSeconds)} per CPU-second` +
        ` (target ${kind === 'neo4j' ? '≥ 20,000' : '≥ 65,000'})`,
      `    peak RSS ${f.peakRssMb.toFixed(0)} MB`,
    ].join('\n'),
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
