/**
 * Writes the demo Community of Practice (src/demo) as import files, for people who want
 * to look at it in a spreadsheet or load it elsewhere:
 *
 *   npm run demo:files -- [--out data/demo] [--format csv|json] [--seed 20181016]
 *
 * CSV: <out>/actors.csv and <out>/interactions.csv; JSON: <out>/demo.json. Then
 * `copnet import --actors <out>/actors.csv --interactions <out>/interactions.csv`
 * loads them (the server loads the demo by itself into an empty database).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_SEED, generateDemoNetwork } from '../src/demo/generate-demo-network';
import { importDocumentJson, writeActorsCsv, writeInteractionsCsv } from '../src/import/write-import-files';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: join('data', 'demo') },
      format: { type: 'string', default: 'csv' },
      seed: { type: 'string', default: String(DEMO_SEED) },
    },
  });
  const format = values.format;
  const seed = Number(values.seed);
  if (format !== 'csv' && format !== 'json') throw new Error(`--format: "${format}" is not one of csv, json`);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed: "${values.seed}" is not a whole number`);

  const demo = generateDemoNetwork(seed);
  mkdirSync(values.out, { recursive: true });
  if (format === 'json') {
    const path = join(values.out, 'demo.json');
    writeFileSync(path, importDocumentJson(demo.actors, demo.interactions));
    console.log(`Wrote ${demo.actors.length} actors and ${demo.interactions.length} interactions to ${path}`);
  } else {
    const actors = join(values.out, 'actors.csv');
    const interactions = join(values.out, 'interactions.csv');
    await writeActorsCsv(actors, demo.actors);
    await writeInteractionsCsv(interactions, demo.interactions);
    console.log(`Wrote ${demo.actors.length} actors to ${actors} and ${demo.interactions.length} interactions to ${interactions}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
