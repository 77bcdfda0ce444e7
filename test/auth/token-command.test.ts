import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerTokenCommand } from '../../src/cli/token-command';
import { TokenService } from '../../src/auth/token-service';
import { loadConfig } from '../../src/config';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'copnet-token-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dbPath = join(dir, 'copnet.db');

async function run(...args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const program = new Command('copnet').exitOverride();
  registerTokenCommand(program, { loadConfig: () => loadConfig({ COPNET_DB_PATH: dbPath }), out: (line) => lines.push(line) });
  await program.parseAsync(['node', 'copnet', 'token', ...args]);
  return lines;
}

describe('copnet token', () => {
  it('creates a token and prints it alone on the last line; the store keeps only its hash', async () => {
    const lines = await run('create', '--name', 'importer', '--role', 'writer', '--expires', '90d');
    const token = lines.at(-1)!;
    expect(token).toMatch(/^copnet_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}$/);
    expect(lines[0]).toMatch(/^Created writer token "importer" \(expires \d{4}-\d\d-\d\dT.*Z\)\. It is shown this once/);
    const store = openSqliteStore(dbPath);
    try {
      expect(await new TokenService(store).authenticate(token)).toEqual({ name: 'importer', role: 'writer', via: 'token' });
      const [stored] = await store.listTokens();
      expect(stored).toMatchObject({ name: 'importer', role: 'writer', createdBy: 'cli' });
    } finally {
      await store.close();
    }
    expect(readFileSync(dbPath).includes(Buffer.from(token.slice(20)))).toBe(false);
  });

  it('lists tokens without showing them, and revokes by name', async () => {
    await run('create', '--name', 'dashboard', '--role', 'reader');
    const listed = await run('list');
    expect(listed.map((line) => line.split('\t').slice(0, 3).join(' '))).toEqual([
      expect.stringMatching(/^importer writer active, expires /),
      'dashboard reader active',
    ]);
    expect(await run('revoke', 'dashboard')).toEqual(['Revoked token "dashboard" (reader).']);
    expect((await run('list'))[1]).toMatch(/^dashboard\treader\trevoked /);
  });

  it('refuses a bad role, a bad expiry, a taken name and an unknown name, naming the argument', async () => {
    await expect(run('create', '--name', 'x', '--role', 'root')).rejects.toThrow('role: "root" is not one of reader, writer, admin');
    await expect(run('create', '--name', 'x', '--role', 'reader', '--expires', 'soon')).rejects.toThrow(
      'expires: "soon" must be a positive duration such as 12h, 90d or 2w',
    );
    await expect(run('create', '--name', 'importer', '--role', 'reader')).rejects.toThrow(
      'name: "importer" is already the name of a token that is not revoked',
    );
    await expect(run('revoke', 'nobody')).rejects.toThrow('name: "nobody" is not the name of a token that is not revoked');
    await expect(run('create', '--name', 'has space', '--role', 'reader')).rejects.toThrow('name: "has space" must be 1 to 64 letters');
  });
});
