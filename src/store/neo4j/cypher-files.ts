import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StatementName } from './statements';

/**
 * Reads Cypher from the package's `cypher/` folder: statements by name
 * (`cypher/<name>.cypher`) and migrations (`cypher/migrations/*.cypher`, in file-name order).
 * The folder is found by walking up from this module to the package root, so the same code
 * works from src/ under Jest and from dist/src/ after a build (the Docker image ships cypher/).
 * Files are read once and cached; their text is sent to Neo4j as is, values always as parameters.
 */

export interface Migration {
  /** File name, e.g. `001-constraint-actor-id.cypher`. */
  readonly name: string;
  readonly text: string;
}

let root: string | null = null;
const cache = new Map<string, string>();

/** The `cypher/` folder of the package this module belongs to. */
export function cypherDirectory(): string {
  if (root !== null) return root;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'cypher', 'migrations'))) {
      root = join(dir, 'cypher');
      return root;
    }
    if (dirname(dir) === dir) {
      throw new Error(`No cypher/ folder found above ${__dirname}: the package's Cypher files are missing`);
    }
  }
}

/** The text of `cypher/<name>.cypher`. */
export function readStatement(name: StatementName): string {
  return readCached(join(cypherDirectory(), `${name}.cypher`));
}

/** Every migration, in the order to apply them. */
export function readMigrations(): Migration[] {
  const dir = join(cypherDirectory(), 'migrations');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => ({ name: file, text: readCached(join(dir, file)) }));
}

function readCached(path: string): string {
  let text = cache.get(path);
  if (text === undefined) {
    text = readFileSync(path, 'utf8');
    cache.set(path, text);
  }
  return text;
}
