// Builds the dashboard (web/) into dist/web: typed GraphQL documents, then Vite, then the
// bundle sizes. With --if-stale it builds only when the inputs changed since the last build
// (a hash of web/, the schema, the codegen script and the lock file), so `npm start` and
// `npm run build` stay fast; the sizes are printed either way. Every text asset of 1 kB or
// more under dist/web/assets gets a brotli (.br) and a gzip (.gz) copy beside it, which copnet
// serves as they are (src/http/static-route.ts): compressed once at the highest levels, never
// per request.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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
precompressAssets(join(outDir, 'assets'));
run([join(root, 'scripts/web-bundle-size.mjs')]);

/** Writes name.br and name.gz beside each compressible asset that lacks them (or has older ones). */
function precompressAssets(dir) {
  const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.json', '.html', '.txt', '.map']);
  let written = 0;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (!COMPRESSIBLE.has(extname(name))) continue;
    const stats = statSync(file);
    if (!stats.isFile() || stats.size < 1024) continue;
    const fresh = (copy) => existsSync(copy) && statSync(copy).mtimeMs >= stats.mtimeMs;
    if (fresh(`${file}.br`) && fresh(`${file}.gz`)) continue;
    const content = readFileSync(file);
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(content, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
      }),
    );
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
    written += 1;
  }
  if (written > 0) console.log(`web: precompressed ${written} assets (.br, .gz)`);
}
