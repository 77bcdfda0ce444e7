/**
 * What every browser test shares: Debian's Chromium through playwright-core, a real copnet
 * server with the demo network, a guard that fails (and records) every request off the
 * server's origin, and axe-core's serious and critical findings on a page.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { startCopnet, type Copnet } from '../../src/start-copnet';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
/** Screenshots go here (ignored by git). */
export const ARTIFACTS = join(__dirname, '../../test-artifacts/web');
const WEB_BUILT = existsSync(join(__dirname, '../../dist/web/index.html'));

if (!HAS_CHROMIUM)
  process.stdout.write(`Browser tests skipped: no Chromium at ${CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH)\n`);

/** `describe` when Chromium is installed, else `describe.skip` (with the line above saying why). */
export const describeBrowser = HAS_CHROMIUM ? describe : describe.skip;

/** Headless Chromium with the flags these machines need (no sandbox as root, no GPU, no background fetches). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-unsafe-swiftshader'],
  });
}

/** A copnet server on a random port serving the built dashboard, with the demo network in a fresh SQLite file. */
export interface DemoServer {
  readonly copnet: Copnet;
  readonly origin: string;
  /** The admin token the fresh store's first start created. */
  readonly token: string;
  stop(): Promise<void>;
}

export async function startDemoServer(dirPrefix: string): Promise<DemoServer> {
  if (!WEB_BUILT) throw new Error('dist/web is not built: run `npm run web:build` (npm test and npm run test:web build it)');
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), dirPrefix));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', COPNET_DB_PATH: join(dir, 'copnet.db'), COPNET_DEMO_DATA: 'on' });
  const copnet = await startCopnet(config, { seedEmptyStore: async (store) => void (await loadDemoData(store)), log: () => undefined });
  return {
    copnet,
    origin: new URL(copnet.url).origin,
    token: copnet.firstStart!.token,
    stop: async () => {
      await copnet.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fails every request the context's pages make off `origin`, recording its URL in `offOrigin`. */
export async function keepOnOrigin(context: BrowserContext, origin: string, offOrigin: string[]): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    offOrigin.push(url);
    return route.abort('internetdisconnected');
  });
}

let axeSource: string | undefined;

/** axe-core's serious and critical violations on the page as it is now (the context needs `bypassCSP`). */
export async function seriousViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`);
}
