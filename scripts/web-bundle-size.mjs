// Prints the dashboard's bundle sizes (raw and gzipped) from Vite's manifest, and checks the
// budget: the JavaScript a page loads before anything on demand (its entry and the chunks
// it imports statically) stays at most 300 kB gzipped. The map and the IDE load on demand.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;
const outDir = resolve(import.meta.dirname, '../dist/web');
const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const content = readFileSync(join(outDir, file));
    sizes.set(file, { raw: content.length, gzip: gzipSync(content, { level: 9 }).length });
  }
  return sizes.get(file);
}

/** The chunk and every chunk it imports statically (what the browser loads at once). */
function initialFiles(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const css of chunk.css ?? []) seen.add(css);
  for (const imported of chunk.imports ?? []) initialFiles(imported, seen);
  return seen;
}

let failed = false;
console.log('web: bundle sizes (gzip level 9)');
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isEntry) continue;
  const files = [...initialFiles(key)];
  const js = files.filter((f) => f.endsWith('.js'));
  const css = files.filter((f) => f.endsWith('.css'));
  const jsGzip = js.reduce((sum, f) => sum + size(f).gzip, 0);
  const jsRaw = js.reduce((sum, f) => sum + size(f).raw, 0);
  const cssGzip = css.reduce((sum, f) => sum + size(f).gzip, 0);
  const budget = key === 'index.html' ? ` (budget ${BUDGET_KB} kB)` : ' (loaded on demand at /graphql)';
  console.log(`  ${key.padEnd(16)} initial JS ${kB(jsRaw)} raw, ${kB(jsGzip)} gzipped${budget}; CSS ${kB(cssGzip)} gzipped`);
  for (const f of js) console.log(`    ${f.padEnd(40)} ${kB(size(f).raw).padStart(10)} ${kB(size(f).gzip).padStart(10)} gz`);
  if (key === 'index.html' && jsGzip > BUDGET_KB * 1000) failed = true;
}
const lazy = Object.values(manifest).filter((c) => c.isDynamicEntry && c.file.endsWith('.js'));
for (const chunk of lazy) {
  if (size(chunk.file).gzip < 5000) continue;
  console.log(
    `  on demand: ${chunk.name ?? chunk.file} ${chunk.file} ${kB(size(chunk.file).raw)} raw, ${kB(size(chunk.file).gzip)} gzipped`,
  );
}
for (const name of readdirSync(join(outDir, 'assets')).filter((n) => n.includes('.worker-') && n.endsWith('.js'))) {
  const file = `assets/${name}`;
  console.log(`  web worker: ${file} ${kB(size(file).raw)} raw, ${kB(size(file).gzip)} gzipped`);
}
if (failed) {
  console.error(`web: the dashboard's initial JavaScript is over the ${BUDGET_KB} kB gzipped budget`);
  process.exit(1);
}
