import type { Command } from 'commander';
import { loadConfig } from '../config';
import { loadDemoData } from '../demo/load-demo-data';
import { startCopnet } from '../start-copnet';

/** `copnet serve` (the default command, and `npm start`): the API on the configured store. */
export function registerServeCommand(program: Command): Command {
  return program
    .command('serve', { isDefault: true })
    .description(
      'Serve the GraphQL API (and exports) on the configured store; fills an empty store with the demo network unless COPNET_DEMO_DATA=off',
    )
    .action(async () => {
      const config = loadConfig();
      const log = (message: string, error?: unknown) => console.error(`[copnet] ${message}`, error ?? '');
      const copnet = await startCopnet(config, {
        log,
        seedEmptyStore: async (store) => {
          console.log('copnet: the store is empty; loading the demo network (COPNET_DEMO_DATA=off to skip)...');
          const result = await loadDemoData(store);
          console.log(`copnet: demo network loaded: ${result.actors} actors, ${result.interactionsCreated} interactions`);
        },
      });
      const where = config.store === 'sqlite' ? `SQLite file ${config.dbPath}` : `Neo4j ${config.neo4j.uri}`;
      console.log(`copnet is serving the dashboard at ${copnet.url}/ and the API at ${copnet.url}/graphql (store: ${where})`);
      if (!config.auth.enabled) {
        console.log('copnet: COPNET_AUTH=off: every request acts as an administrator (single-user local use only)');
      }
      if (copnet.firstStart) {
        // Shown once: only its hash is stored. Later starts print nothing secret.
        console.log(
          [
            '',
            'copnet: no API token existed, so an admin token was created. It is shown this once; keep it safe:',
            '',
            `    ${copnet.firstStart.token}`,
            '',
            'Open copnet with it (the token is in the URL fragment, which browsers do not send to servers):',
            '',
            `    ${copnet.firstStart.url}`,
            '',
            'Create tokens for others with `npx copnet token create --name NAME --role reader|writer|admin`.',
            '',
          ].join('\n'),
        );
      }
      await waitForSignal();
      console.log('copnet: stopping: finishing in-flight requests, then closing the store');
      await copnet.stop();
    });
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
}
