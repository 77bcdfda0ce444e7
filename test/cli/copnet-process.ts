import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface CopnetProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it printed, stdout and stderr. */
  readonly output: string[];
  /** Sends the signal and resolves with the exit code once the process (and its workers) exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * A real `copnet serve` process from the sources under test (test/cli/ts-register.cjs), on a
 * free loopback port over the SQLite file `dbPath`; resolves once it prints its URL.
 */
export function spawnCopnet(dbPath: string, args: string[] = [], env: Record<string, string> = {}): Promise<CopnetProcess> {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test/cli/ts-register.cjs'), join(ROOT, 'src/run-cli.ts'), 'serve', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      COPNET_STORE: 'sqlite',
      NEO4J_URI: '',
      PORT: '0',
      HOST: '127.0.0.1',
      COPNET_DB_PATH: dbPath,
      COPNET_DEMO_DATA: 'off',
      COPNET_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        output.push(line);
        const match = /copnet is serving the dashboard at (http:\/\/[^/ ]+)\//.exec(line);
        if (match) {
          resolve({
            url: match[1]!,
            child,
            output,
            stop: (signal = 'SIGTERM') => {
              if (child.exitCode === null && child.signalCode === null) child.kill(signal);
              return exited;
            },
          });
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`copnet exited (${code}) before serving:\n${output.join('\n')}${buffered}`)));
  });
}

export interface JsonAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: T;
}

/** A client on one kept-alive connection: every request it sends reaches the same process. */
export class PinnedClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    readonly url: string,
    private readonly token: string | null,
  ) {}

  /** The pid of the process that answers this client. */
  async pid(): Promise<number> {
    return (await this.send<{ pid: number }>('GET', '/health/live')).body.pid;
  }

  async gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token = this.token) {
    const answer = await this.send<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>(
      'POST',
      '/graphql',
      JSON.stringify({ query, variables }),
      token,
    );
    return answer.body;
  }

  send<T>(method: string, path: string, body?: string, token = this.token, headers: Record<string, string> = {}): Promise<JsonAnswer<T>> {
    return new Promise((resolve, reject) => {
      const sent = request(
        `${this.url}${path}`,
        {
          method,
          agent: this.agent,
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // not JSON: the text itself
            }
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: parsed as T });
          });
        },
      );
      sent.on('error', reject);
      sent.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Two clients answered by two different processes behind `url` (node:cluster deals connections round-robin). */
export async function clientsOnTwoProcesses(url: string, token: string): Promise<[PinnedClient, PinnedClient]> {
  const first = new PinnedClient(url, token);
  const firstPid = await first.pid();
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const other = new PinnedClient(url, token);
    if ((await other.pid()) !== firstPid) return [first, other];
    other.close();
  }
  throw new Error(`every connection to ${url} reached process ${firstPid}`);
}
