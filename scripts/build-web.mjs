// Builds the dashboard (web/) into dist/web: typed GraphQL documents, then Vite, then the
// bundle sizes. With --if-stale it builds only when the inputs changed since the last build
// (a hash of web/, the schema, the codegen script and the lock file), so `npm start` and
// `npm run build` stay fast; the sizes are printed either way.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'dist/web');
const stampFile = join(outDir, 'build-inputs.sha256');

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'node_modules' ? [] : filesUnder(path);
    return [path];
  });
}

function inputsHash() {
  const files = [
    ...filesUnder(join(root, 'web')),
    join(root, 'schema/schema.graphql'),
    join(root, 'package-lock.json'),
    join(root, 'scripts/web-codegen.mjs'),
    join(root, 'scripts/build-web.mjs'),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const hash = inputsHash();
const fresh = existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash && existsSync(join(outDir, 'index.html'));
if (process.argv.includes('--if-stale') && fresh) {
  console.log('web: dist/web is up to date with web/ and the schema');
} else {
  console.log('web: building the dashboard into dist/web …');
  const started = Date.now();
  run([join(root, 'scripts/web-codegen.mjs')]);
  run([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(root, 'web/vite.config.ts'), '--logLevel', 'warn']);
  writeFileSync(stampFile, `${hash}\n`);
  console.log(`web: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
run([join(root, 'scripts/web-bundle-size.mjs')]);
