import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';

/**
 * The real `copnet` command line as one file, for tests that run it in separate processes:
 * esbuild bundles src/run-cli.ts (node_modules left outside, found from test-artifacts/), each
 * decorated .ts file compiled as ts-jest compiles it (isolated, with the decorator metadata type-graphql
 * reads, which esbuild alone does not emit). Built once per test file, in a second or two.
 */
export async function bundleCli(): Promise<string> {
  const root = join(__dirname, '..', '..');
  const dir = join(root, 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `copnet-cli-${process.pid}.js`);
  await build({
    entryPoints: [join(root, 'src', 'run-cli.ts')],
    bundle: true,
    platform: 'node',
    packages: 'external',
    target: 'node20',
    outfile,
    logLevel: 'error',
    plugins: [
      {
        name: 'typescript-with-decorator-metadata',
        setup(plugin) {
          plugin.onLoad({ filter: /\.ts$/ }, (args) => {
            const source = readFileSync(args.path, 'utf8');
            // Only decorated classes need TypeScript's compiler; esbuild compiles the rest.
            if (!/^\s*@[A-Z]\w*\(/m.test(source)) return undefined;
            return {
              loader: 'js',
              contents: ts.transpileModule(source, {
                fileName: args.path,
                compilerOptions: {
                  module: ts.ModuleKind.ESNext,
                  target: ts.ScriptTarget.ES2022,
                  experimentalDecorators: true,
                  emitDecoratorMetadata: true,
                  esModuleInterop: true,
                  useDefineForClassFields: false,
                },
              }).outputText,
            };
          });
        },
      },
    ],
  });
  return outfile;
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bundled CLI with these arguments and environment additions (and Node options); resolves when it exits. */
export function runCli(
  cli: string,
  args: readonly string[],
  env: Record<string, string>,
  nodeOptions: readonly string[] = [],
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, cli, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    // 'close', not 'exit': a process can exit before its piped output has all been read.
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
