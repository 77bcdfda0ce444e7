import type { Command } from 'commander';
import { TokenService } from '../auth/token-service';
import { loadConfig, type Config } from '../config';
import { systemAuthor, type StoredToken } from '../domain/access';
import { openConfiguredStore } from '../store/open-store';
import type { Store } from '../store/store';
import { once } from './option-once';

/**
 * `copnet token create|list|revoke`: API tokens, on the configured store directly (whoever
 * can run the CLI on the server owns the data anyway). `create` prints the token alone on
 * the last line of standard output, for scripts: `TOKEN=$(npx copnet token create ... | tail -n 1)`.
 * Changes are logged in the audit trail as made by `cli`.
 */
export interface TokenCommandDependencies {
  readonly loadConfig?: () => Config;
  readonly out?: (line: string) => void;
}

export function registerTokenCommand(program: Command, dependencies: TokenCommandDependencies = {}): Command {
  const out = dependencies.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const withTokens = async <T>(work: (tokens: TokenService) => Promise<T>): Promise<T> => {
    const store: Store = await openConfiguredStore((dependencies.loadConfig ?? loadConfig)());
    try {
      return await work(new TokenService(store));
    } finally {
      await store.close();
    }
  };
  const token = program.command('token').description('Manage API tokens (roles: reader, writer, admin) on the configured store');
  token
    .command('create')
    .description('Create an API token; prints it once, alone on the last line')
    .requiredOption('--name <name>', 'a unique name, e.g. dashboard or importer-2024', once)
    .requiredOption('--role <role>', 'reader (queries, exports), writer (also records and corrects), admin (also tokens, audit log)', once)
    .option('--expires <duration>', 'lifetime such as 90d, 12h or 2w (default: never)', once)
    .action(async (options: { name: string; role: string; expires?: string }) => {
      const created = await withTokens((tokens) =>
        tokens.create({ name: options.name, role: options.role, expires: options.expires ?? null }, systemAuthor('cli')),
      );
      const expiry = created.stored.expiresAt ? `expires ${created.stored.expiresAt.toISOString()}` : 'never expires';
      out(
        `Created ${created.stored.role} token "${created.stored.name}" (${expiry}). It is shown this once; send it as "Authorization: Bearer <token>":`,
      );
      out(created.token);
    });
  token
    .command('list')
    .description('List API tokens (never the tokens themselves)')
    .action(async () => {
      const all = await withTokens((tokens) => tokens.list());
      if (all.length === 0) out('No API tokens.');
      for (const stored of all) out(describe(stored));
    });
  token
    .command('revoke')
    .description('Revoke the API token of that name; it is refused from now on')
    .argument('<name>', 'the token name')
    .action(async (name: string) => {
      const revoked = await withTokens((tokens) => tokens.revoke(name, systemAuthor('cli')));
      out(`Revoked token "${revoked.name}" (${revoked.role}).`);
    });
  return token;
}

function describe(token: StoredToken, now = new Date()): string {
  const state =
    token.revokedAt !== null
      ? `revoked ${token.revokedAt.toISOString()}`
      : token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime()
        ? `expired ${token.expiresAt.toISOString()}`
        : token.expiresAt !== null
          ? `active, expires ${token.expiresAt.toISOString()}`
          : 'active';
  const used = token.lastUsedAt ? `last used ${token.lastUsedAt.toISOString()}` : 'never used';
  return `${token.name}\t${token.role}\t${state}\tcreated ${token.createdAt.toISOString()} by ${token.createdBy}\t${used}`;
}
