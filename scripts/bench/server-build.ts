import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A build's run-cli.js from a path to it or to its checkout (the benchmarks' `--server`). */
export function runCliOf(path: string): string {
  const full = resolve(path);
  const file = existsSync(full) && statSync(full).isDirectory() ? join(full, 'dist', 'src', 'run-cli.js') : full;
  if (!existsSync(file)) throw new Error(`--server: no ${file} (build that checkout first: npm run build)`);
  return file;
}

/** What the API benchmarks' servers run with: the demo network on a fresh SQLite file in `dir`, access control on. */
export function benchServerEnv(dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    COPNET_DB_PATH: join(dir, 'copnet.db'),
    COPNET_DEMO_DATA: 'on',
    COPNET_STORE: 'sqlite',
    COPNET_AUTH: 'on',
    MALLOC_ARENA_MAX: '2',
  };
}
