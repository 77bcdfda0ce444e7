import { isIP } from 'node:net';
import { z } from 'zod';
import { trustedProxyProblem } from './http/client-address';

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
  /** How long a request's headers and body may take to arrive before 408 (COPNET_REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs: number;
  /** Request limits (README: limits): operation size, and the heavy work one request may ask for. */
  readonly limits: {
    readonly maxQueryDepth: number;
    readonly maxQueryAliases: number;
    readonly maxQueryCost: number;
    readonly maxQueryTokens: number;
    readonly maxWindowInteractions: number;
    readonly workTimeoutMs: number;
  };
  readonly neo4j: {
    readonly uri: string | null;
    readonly user: string;
    readonly password: string;
    readonly database: string;
  };
  readonly auth: {
    /** false only with COPNET_AUTH=off, which loopback hosts alone accept. */
    readonly enabled: boolean;
    /** Failed authentications per client address and minute before it is refused. */
    readonly failureLimit: number;
    /** COPNET_PUBLIC_SCHEMA=on: introspection without a credential. */
    readonly publicSchema: boolean;
    /** Single sign-on, when COPNET_JWT_JWKS_URL is set. */
    readonly jwt: {
      readonly jwksUrl: string;
      readonly issuer: string | null;
      readonly audience: string | null;
      readonly roleClaim: string;
    } | null;
  };
  /** Browser origins allowed to call the API from other hosts; empty: same origin only. */
  readonly corsOrigins: readonly string[];
  /** Answers to repeated reads are reused until the next write (README: response cache). */
  readonly responseCache: boolean;
  /** COPNET_PUBLIC_URL: the address respondent links start with (no trailing slash); null: the request's origin. */
  readonly publicUrl: string | null;
  /** COPNET_TRUST_PROXY: proxies whose X-Forwarded-For names the client; empty: the TCP peer is the client. */
  readonly trustedProxies: readonly string[];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const onOff = z.enum(['on', 'off', 'true', 'false', '1', '0']).transform((value) => value === 'on' || value === 'true' || value === '1');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  COPNET_STORE: z.enum(['sqlite', 'neo4j']).optional(),
  COPNET_DB_PATH: z.string().min(1).default('./data/copnet.db'),
  COPNET_DEMO_DATA: onOff.default(true),
  COPNET_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  COPNET_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  COPNET_MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(12),
  COPNET_MAX_QUERY_ALIASES: z.coerce.number().int().min(0).default(30),
  COPNET_MAX_QUERY_COST: z.coerce.number().int().positive().default(60_000),
  COPNET_MAX_QUERY_TOKENS: z.coerce.number().int().positive().default(20_000),
  COPNET_MAX_WINDOW_INTERACTIONS: z.coerce.number().int().positive().default(10_000_000),
  COPNET_WORK_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  NEO4J_URI: z.string().min(1).optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default('copnet-local-password'),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  COPNET_AUTH: onOff.default(true),
  COPNET_RESPONSE_CACHE: onOff.default(true),
  COPNET_AUTH_FAILURE_LIMIT: z.coerce.number().int().positive().default(20),
  COPNET_PUBLIC_SCHEMA: onOff.default(false),
  COPNET_JWT_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  COPNET_JWT_ISSUER: z.string().min(1).optional(),
  COPNET_JWT_AUDIENCE: z.string().min(1).optional(),
  COPNET_JWT_ROLE_CLAIM: z.string().min(1).default('copnet_role'),
  COPNET_CORS_ORIGINS: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'must be origins such as https://dash.example.org, comma-separated, without paths')),
    )
    .default([]),
  COPNET_PUBLIC_URL: z
    .string()
    .regex(
      /^https?:\/\/[^\s?#]+$/,
      'must be an address such as https://copnet.example.org or https://example.org/copnet, without a query or fragment',
    )
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  COPNET_TRUST_PROXY: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .superRefine((entries, context) => {
      for (const entry of entries) {
        const problem = trustedProxyProblem(entry);
        if (problem !== null) {
          context.addIssue({
            code: 'custom',
            message: `${JSON.stringify(entry)} is not an address, a subnet (10.0.0.0/8) or one of loopback, linklocal, uniquelocal (${problem})`,
          });
        }
      }
    })
    .default([]),
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
  if (!e.COPNET_AUTH && !isLoopback(e.HOST)) {
    throw new ConfigError(
      `Invalid configuration: COPNET_AUTH=off is for single-user local use only and needs HOST to be a loopback address (127.0.0.1, ::1 or localhost), not HOST=${e.HOST}`,
    );
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    store,
    dbPath: e.COPNET_DB_PATH,
    demoData: e.COPNET_DEMO_DATA,
    maxBodyBytes: e.COPNET_MAX_BODY_BYTES,
    requestTimeoutMs: e.COPNET_REQUEST_TIMEOUT_MS,
    limits: Object.freeze({
      maxQueryDepth: e.COPNET_MAX_QUERY_DEPTH,
      maxQueryAliases: e.COPNET_MAX_QUERY_ALIASES,
      maxQueryCost: e.COPNET_MAX_QUERY_COST,
      maxQueryTokens: e.COPNET_MAX_QUERY_TOKENS,
      maxWindowInteractions: e.COPNET_MAX_WINDOW_INTERACTIONS,
      workTimeoutMs: e.COPNET_WORK_TIMEOUT_MS,
    }),
    neo4j: Object.freeze({ uri: e.NEO4J_URI ?? null, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }),
    auth: Object.freeze({
      enabled: e.COPNET_AUTH,
      failureLimit: e.COPNET_AUTH_FAILURE_LIMIT,
      publicSchema: e.COPNET_PUBLIC_SCHEMA,
      jwt: e.COPNET_JWT_JWKS_URL
        ? Object.freeze({
            jwksUrl: e.COPNET_JWT_JWKS_URL,
            issuer: e.COPNET_JWT_ISSUER ?? null,
            audience: e.COPNET_JWT_AUDIENCE ?? null,
            roleClaim: e.COPNET_JWT_ROLE_CLAIM,
          })
        : null,
    }),
    corsOrigins: Object.freeze([...e.COPNET_CORS_ORIGINS]),
    responseCache: e.COPNET_RESPONSE_CACHE,
    publicUrl: e.COPNET_PUBLIC_URL ?? null,
    trustedProxies: Object.freeze([...e.COPNET_TRUST_PROXY]),
  });
}

/** Whether a HOST value only listens on this machine. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1';
  return false;
}
