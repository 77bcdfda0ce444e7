import { z } from 'zod';

/**
 * The only reader of the environment. Every variable is documented in the README's
 * configuration table with the same default as here.
 */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly store: 'sqlite' | 'neo4j';
  readonly dbPath: string;
  readonly demoData: boolean;
  readonly maxBodyBytes: number;
  /** Request limits (README: limits): operation size, and the heavy work one request may ask for. */
  readonly limits: {
    readonly maxQueryDepth: number;
    readonly maxQueryAliases: number;
    readonly maxQueryCost: number;
    readonly maxWindowInteractions: number;
    readonly workTimeoutMs: number;
  };
  readonly neo4j: {
    readonly uri: string | null;
    readonly user: string;
    readonly password: string;
    readonly database: string;
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((value) => value === 'on' || value === 'true' || value === '1');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  COPNET_STORE: z.enum(['sqlite', 'neo4j']).optional(),
  COPNET_DB_PATH: z.string().min(1).default('./data/copnet.db'),
  COPNET_DEMO_DATA: onOff.default(true),
  COPNET_MAX_BODY_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  COPNET_MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(12),
  COPNET_MAX_QUERY_ALIASES: z.coerce.number().int().min(0).default(30),
  COPNET_MAX_QUERY_COST: z.coerce.number().int().positive().default(60_000),
  COPNET_MAX_WINDOW_INTERACTIONS: z.coerce.number().int().positive().default(10_000_000),
  COPNET_WORK_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  NEO4J_URI: z.string().min(1).optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default('copnet-local-password'),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
});

/** Reads the configuration from an environment (process.env unless given); errors name the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0]);
      return `${variable}=${JSON.stringify(env[variable])}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const store = e.COPNET_STORE ?? (e.NEO4J_URI ? 'neo4j' : 'sqlite');
  if (store === 'neo4j' && !e.NEO4J_URI) {
    throw new ConfigError('Invalid configuration: COPNET_STORE=neo4j needs NEO4J_URI (e.g. bolt://localhost:7687)');
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    store,
    dbPath: e.COPNET_DB_PATH,
    demoData: e.COPNET_DEMO_DATA,
    maxBodyBytes: e.COPNET_MAX_BODY_BYTES,
    limits: Object.freeze({
      maxQueryDepth: e.COPNET_MAX_QUERY_DEPTH,
      maxQueryAliases: e.COPNET_MAX_QUERY_ALIASES,
      maxQueryCost: e.COPNET_MAX_QUERY_COST,
      maxWindowInteractions: e.COPNET_MAX_WINDOW_INTERACTIONS,
      workTimeoutMs: e.COPNET_WORK_TIMEOUT_MS,
    }),
    neo4j: Object.freeze({ uri: e.NEO4J_URI ?? null, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }),
  });
}
