/**
 * Where a Neo4j import batch spends its time (issue 18): starts a test server (or uses the empty
 * one at NEO4J_URI), stores `--actors` actors, then records `--batches` batches of `--batch`
 * generated interactions through the store, timing each statement the store runs (by wrapping
 * the driver's transaction `run`), and finally runs one batch of record-interactions under
 * Cypher PROFILE and prints its operators (rows, db hits, time).
 *
 * With `--demo` it profiles the demo network's load instead (what a first start does): the
 * store opened on the empty database (migrations), the demo's actors, then its interactions in
 * the demo loader's batches, each batch timed; the load runs `--rounds` times (the database
 * emptied between rounds, so later rounds run on a JVM that has compiled the write path), and a
 * PROFILE of record-interactions on one of the demo's batches (rolled back) ends it.
 *
 *   npm run build && node dist/scripts/bench/profile-neo4j-import.js [--actors 10000] [--batch 20000] [--batches 5]
 *   node dist/scripts/bench/profile-neo4j-import.js --demo [--rounds 3] [--profile-batch 4]
 */
import { parseArgs } from 'node:util';
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import type { Interaction } from '../../src/domain/interaction';
import { INTERACTION_KINDS } from '../../src/domain/interaction';
import { DemoRandom } from '../../src/demo/random';
import { DEMO_BATCH_SIZE } from '../../src/demo/load-demo-data';
import { generateDemoNetwork } from '../../src/demo/generate-demo-network';
import { validateActorBatch } from '../../src/domain/actor';
import { validateInteractionBatch } from '../../src/domain/interaction';
import { toNeo4jDateTime, toNeo4jInteger } from '../../src/store/neo4j/conversions';
import { interactionBatchToRows } from '../../src/store/neo4j/interaction-batch-rows';
import { readStatement } from '../../src/store/neo4j/cypher-files';
import { openNeo4jStore } from '../../src/store/neo4j/neo4j-store';
import { benchNeo4j } from '../neo4j-bench-server';
import { loadAverage } from './report';
import { randomActors } from './random-interaction';

function interactions(from: number, count: number, actorCount: number, random: DemoRandom): Interaction[] {
  const made: Interaction[] = [];
  for (let n = from; n < from + count; n++) {
    const { initiator, participants } = randomActors(random, actorCount);
    made.push({
      id: `i${n}`,
      externalId: `x${n}`,
      kind: INTERACTION_KINDS[n % INTERACTION_KINDS.length]!,
      occurredAt: new Date(Date.UTC(2020, 0, 1) + n * 60_000),
      initiatorId: `a${initiator}`,
      participantIds: [...participants].map((p) => `a${p}`),
      weight: 1,
      note: null,
    });
  }
  return made;
}

function printPlan(plan: ProfiledPlan, depth = 0): void {
  const time = (plan as ProfiledPlan & { time?: number }).time;
  const details = String(plan.arguments['Details'] ?? '').slice(0, 90);
  console.log(
    `${'  '.repeat(depth)}${plan.operatorType}  rows ${plan.rows}  dbHits ${plan.dbHits}` +
      (time === undefined ? '' : `  time ${(Number(time) / 1e6).toFixed(1)} ms`) +
      `  ${details}`,
  );
  for (const child of plan.children) printPlan(child, depth + 1);
}

/** The demo network's load, as a first start does it, timed by phase and batch; then a PROFILE of one demo batch. */
async function profileDemo(rounds: number, profileBatch: number): Promise<void> {
  const server = await benchNeo4j();
  try {
    const demo = generateDemoNetwork();
    const actors = validateActorBatch(demo.actors);
    const batches: Interaction[][] = [];
    for (let start = 0; start < demo.interactions.length; start += DEMO_BATCH_SIZE) {
      batches.push(validateInteractionBatch(demo.interactions.slice(start, start + DEMO_BATCH_SIZE)));
    }
    for (let round = 1; round <= rounds; round++) {
      if (round > 1) await server.empty();
      const t0 = performance.now();
      const store = await openNeo4jStore(server.options);
      const t1 = performance.now();
      await store.upsertActors(actors);
      const t2 = performance.now();
      const perBatch: number[] = [];
      for (const batch of batches) {
        const b0 = performance.now();
        await store.recordInteractions(batch, undefined, 'demo');
        perBatch.push(performance.now() - b0);
      }
      const total = performance.now() - t0;
      console.log(
        `round ${round}: ${(total / 1000).toFixed(2)} s (open ${(t1 - t0).toFixed(0)} ms, actors ${(t2 - t1).toFixed(0)} ms, ` +
          `batches ${perBatch.map((ms) => ms.toFixed(0)).join(' ')} ms)  load average ${loadAverage()}`,
      );
      await store.close();
    }
    // One demo batch's record-interactions under PROFILE, on a store holding every other batch (rolled back).
    await server.empty();
    const store = await openNeo4jStore(server.options);
    await store.upsertActors(actors);
    for (const [n, batch] of batches.entries()) if (n !== profileBatch) await store.recordInteractions(batch, undefined, 'demo');
    await store.close();
    const driver = neo4j.driver(server.options.uri, neo4j.auth.basic(server.options.user, server.options.password));
    const session = driver.session({ database: server.options.database });
    const tx = session.beginTransaction();
    const stamp = { by: 'profile', at: toNeo4jDateTime(new Date()), auditSeq: toNeo4jInteger(1) };
    const p0 = performance.now();
    const profiled = await tx.run(`PROFILE ${readStatement('record-interactions')}`, {
      ...interactionBatchToRows(batches[profileBatch]!),
      ...stamp,
    });
    console.log(`PROFILE record-interactions, demo batch ${profileBatch}: ${(performance.now() - p0).toFixed(0)} ms`);
    const c0 = performance.now();
    await tx.rollback();
    console.log(`  rollback: ${(performance.now() - c0).toFixed(0)} ms`);
    await session.close();
    if (profiled.summary.profile) printPlan(profiled.summary.profile);
    await driver.close();
  } finally {
    await server.stop();
  }
  console.log(`load average ${loadAverage()}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      actors: { type: 'string', default: '10000' },
      batch: { type: 'string', default: '20000' },
      batches: { type: 'string', default: '5' },
      demo: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '3' },
      'profile-batch': { type: 'string', default: '4' },
    },
  });
  if (values.demo) return profileDemo(Number(values.rounds), Number(values['profile-batch']));
  const actorCount = Number(values.actors);
  const batchSize = Number(values.batch);
  const batches = Number(values.batches);
  const server = await benchNeo4j();
  const timings = new Map<string, { calls: number; ms: number }>();
  try {
    const store = await openNeo4jStore(server.options);
    const actors = Array.from({ length: actorCount }, (_, i) => ({
      id: `a${i}`,
      name: `Actor ${i}`,
      kind: 'SCHOOL' as const,
      region: null,
      tags: [],
      affiliationId: null,
    }));
    await store.upsertActors(actors);
    const random = new DemoRandom(7);
    // Warm-up batch (the JVM compiles the planner and the write path on first use).
    await store.recordInteractions(interactions(0, batchSize, actorCount, random));
    const driver = neo4j.driver(server.options.uri, neo4j.auth.basic(server.options.user, server.options.password));
    const started = performance.now();
    for (let b = 1; b <= batches; b++) {
      const batch = interactions(b * batchSize, batchSize, actorCount, random);
      const t0 = performance.now();
      await store.recordInteractions(batch);
      const ms = performance.now() - t0;
      const entry = timings.get('recordInteractions') ?? { calls: 0, ms: 0 };
      timings.set('recordInteractions', { calls: entry.calls + 1, ms: entry.ms + ms });
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${batches} batches of ${batchSize.toLocaleString('en-US')}: ${Math.round((batches * batchSize) / seconds).toLocaleString('en-US')} interactions/s`,
    );
    // Each statement of the write path alone, on a fresh batch, inside one transaction (rolled back).
    const batch = interactions((batches + 1) * batchSize, batchSize, actorCount, random);
    const session = driver.session({ database: server.options.database });
    const tx = session.beginTransaction();
    const time = async (label: string, statement: string, parameters: Record<string, unknown>) => {
      const t0 = performance.now();
      const result = await tx.run(statement, parameters);
      console.log(`  ${label}: ${(performance.now() - t0).toFixed(0)} ms, ${result.records.length} rows`);
      return result;
    };
    const actorIds = [...new Set(batch.flatMap((i) => [i.initiatorId, ...i.participantIds]))];
    console.log('statements alone (one batch, one transaction):');
    await time('find-existing-actor-ids', readStatement('find-existing-actor-ids'), { ids: actorIds.slice(0, 5000) });
    await time('find-interactions-by-keys', readStatement('find-interactions-by-keys'), {
      ids: batch.slice(0, 5000).map((i) => i.id),
      externalIds: batch.slice(0, 5000).map((i) => i.externalId),
    });
    const rows = interactionBatchToRows(batch.slice(0, 10_000));
    const stamp = { by: 'profile', at: toNeo4jDateTime(new Date()), auditSeq: toNeo4jInteger(1) };
    await time('record-interactions (10,000 rows)', readStatement('record-interactions'), { ...rows, ...stamp });
    const profiled = await time('PROFILE record-interactions (10,000 rows)', `PROFILE ${readStatement('record-interactions')}`, {
      ...interactionBatchToRows(batch.slice(10_000, 20_000)),
      ...stamp,
    });
    const t0 = performance.now();
    await tx.rollback();
    console.log(`  rollback: ${(performance.now() - t0).toFixed(0)} ms`);
    await session.close();
    if (profiled.summary.profile) printPlan(profiled.summary.profile);
    await driver.close();
    await store.close();
  } finally {
    await server.stop();
  }
  console.log(`load average ${loadAverage()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
