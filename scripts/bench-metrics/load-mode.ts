/**
 * `--load PATH`, the child process of the series: generates the log, records it into a
 * new store and prints its LoadFigures as JSON. Generating and recording happen in a child
 * so the series runs in a process holding only what copnet itself holds, and its memory
 * figure is its own.
 */
import { spawnSync } from 'node:child_process';
import { validateActorBatch } from '../../src/domain/actor';
import { validateInteractionInput } from '../../src/domain/interaction';
import { childStoreEnv, openChildStore } from '../bench/child-store';
import { fmt, line, sec } from '../bench/report';
import { shapeArgs } from './args';
import { generateInteractionLog, type LogShape } from './interaction-log';

export const RECORD_BATCH = 10_000;

export interface LoadFigures {
  readonly interactions: number;
  readonly actors: number;
  readonly generatedMs: number;
  readonly loadMs: number;
}

/** In the child: records the log at `path` (SQLite), or into the Neo4j the parent named. */
export async function loadLog(path: string, shape: LogShape): Promise<void> {
  let start = performance.now();
  const log = generateInteractionLog(shape);
  const generatedMs = performance.now() - start;
  const { store } = await openChildStore(path);
  start = performance.now();
  await store.upsertActors(validateActorBatch(log.actors));
  for (let i = 0; i < log.interactions.length; i += RECORD_BATCH) {
    const batch = log.interactions
      .slice(i, i + RECORD_BATCH)
      .map((input, k) => validateInteractionInput(input, `interactions[${i + k}]`, () => `bench-${String(i + k).padStart(6, '0')}`));
    await store.recordInteractions(batch);
  }
  const loadMs = performance.now() - start;
  await store.close();
  const figures: LoadFigures = { interactions: log.interactions.length, actors: log.actors.length, generatedMs, loadMs };
  process.stdout.write(JSON.stringify(figures));
}

/** In the parent: runs the child (this same script, `--load`) and returns its figures. */
export function loadInChild(path: string, shape: LogShape, neo4j: { uri: string; password: string } | null): LoadFigures {
  const child = spawnSync(process.execPath, [process.argv[1]!, '--load', path, ...shapeArgs(shape)], {
    encoding: 'utf8',
    env: childStoreEnv(neo4j),
  });
  if (child.status !== 0) throw new Error(`loading the interaction log${neo4j ? ' into Neo4j' : ''} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as LoadFigures;
}

/** The `load` line: how long recording took and at what rate. */
export function printLoad(load: LoadFigures, storeName: string): void {
  line(
    'load',
    `${sec(load.loadMs)} through the ${storeName} store, batches of ${fmt(RECORD_BATCH)} (${fmt(Math.round(load.interactions / (load.loadMs / 1000)))} interactions/s)`,
  );
}
