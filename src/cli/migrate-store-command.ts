import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig, type Config } from '../config';
import { InvalidInputError } from '../domain/errors';
import { DEFAULT_MIGRATION_BATCH, migrateStore, type MigrationCounts, type MigrationProgress } from '../services/migrate-store';
import { redactUri } from '../store/neo4j/redact-uri';
import { openNeo4jStoreLazily } from '../store/open-store';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import type { Store } from '../store/store';
import { once, onceOver } from './option-once';

/**
 * `copnet migrate-store --from <sqlite file | neo4j uri> --to <sqlite file | neo4j uri>`:
 * copies a whole network between stores (src/services/migrate-store.ts), prints the counts,
 * and is safe to run twice. A Neo4j location is a bolt:// or neo4j:// URI (with +s / +ssc);
 * its user, password and database come from NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE.
 * Anything else is a SQLite file path; the source file must exist, the target is created.
 */

export type StoreLocation = { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'neo4j'; readonly uri: string };

export interface MigrateStoreCommandDependencies {
  /** Configuration (for the Neo4j credentials); read from the environment unless given. */
  readonly loadConfig?: () => Config;
  /** Where the result line goes; stdout unless given. */
  readonly out?: (line: string) => void;
  /** Where progress lines go; stderr unless given. */
  readonly progress?: (line: string) => void;
}

const NEO4J_SCHEMES = /^(neo4j|bolt)(\+s|\+ssc)?:\/\//i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export function parseStoreLocation(text: string, option: string): StoreLocation {
  const value = text.trim();
  if (value === '') throw new InvalidInputError(option, text, 'must be a SQLite file path or a Neo4j URI');
  if (NEO4J_SCHEMES.test(value)) return { kind: 'neo4j', uri: value };
  if (ANY_SCHEME.test(value)) {
    throw new InvalidInputError(
      option,
      redactUri(value),
      'is neither a SQLite file path nor a Neo4j URI (bolt://, neo4j://, with +s or +ssc)',
    );
  }
  return { kind: 'sqlite', path: resolve(value) };
}

export function describeLocation(location: StoreLocation): string {
  return location.kind === 'sqlite' ? `SQLite ${location.path}` : `Neo4j ${redactUri(location.uri)}`;
}

export function registerMigrateStoreCommand(program: Command, dependencies: MigrateStoreCommandDependencies = {}): Command {
  const out = dependencies.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const progress = dependencies.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  return program
    .command('migrate-store')
    .description('Copy a whole network (actors, then interactions) from one store to another; safe to run twice')
    .requiredOption('--from <location>', 'source: SQLite file path or Neo4j URI (bolt://host:7687, neo4j+s://...)', once)
    .requiredOption('--to <location>', 'target: SQLite file path (created if absent) or Neo4j URI', once)
    .option('--batch-size <n>', 'items per write transaction', onceOver(parseBatchSize), DEFAULT_MIGRATION_BATCH)
    .action(async (options: { from: string; to: string; batchSize: number }) => {
      const from = parseStoreLocation(options.from, '--from');
      const to = parseStoreLocation(options.to, '--to');
      if (from.kind === 'sqlite' && (!existsSync(from.path) || !statSync(from.path).isFile())) {
        throw new InvalidInputError('--from', options.from, 'is not an existing SQLite file');
      }
      if (describeLocation(from) === describeLocation(to)) {
        throw new InvalidInputError('--to', options.to, 'is the same store as --from');
      }
      const config = from.kind === 'neo4j' || to.kind === 'neo4j' ? (dependencies.loadConfig ?? loadConfig)() : null;
      const source = await openLocation(from, config);
      try {
        const target = await openLocation(to, config);
        try {
          const counts = await migrateStore(source, target, (p) => progress(formatProgress(p)), { batchSize: options.batchSize });
          out(
            `migrate-store: copied ${counts.actors} actors and ${counts.interactions} interactions from ${describeLocation(from)} ` +
              `to ${describeLocation(to)}; already present: ${counts.alreadyPresent.actors} actors, ${counts.alreadyPresent.interactions} interactions` +
              surveyCounts(counts),
          );
        } finally {
          await target.close();
        }
      } finally {
        await source.close();
      }
    });
}

async function openLocation(location: StoreLocation, config: Config | null): Promise<Store> {
  if (location.kind === 'sqlite') return openSqliteStore(location.path);
  const neo4j = config!.neo4j;
  return openNeo4jStoreLazily({ uri: location.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database });
}

/** Said only when there are surveys, so a store without any reads as before issue 23. */
function surveyCounts(counts: MigrationCounts): string {
  const { surveys, responses, alreadyPresent } = counts;
  if (surveys + responses + alreadyPresent.surveys + alreadyPresent.responses === 0) return '';
  return (
    `; surveys: ${surveys} copied, ${alreadyPresent.surveys} already present; ` +
    `respondents' ratings: ${responses} copied, ${alreadyPresent.responses} already present`
  );
}

function formatProgress(p: MigrationProgress): string {
  return `migrate-store: ${p.phase}: ${p.read} read, ${p.copied} copied, ${p.alreadyPresent} already present`;
}

function parseBatchSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new InvalidArgumentError('must be a whole number from 1 to 100000');
  return n;
}
