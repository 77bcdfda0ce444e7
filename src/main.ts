import 'reflect-metadata';
import { loadConfig } from './config';
import { startCopnet } from './server';

/** `npm start`: serve the API on the configured store, with the demo network when it is empty. */
async function main(): Promise<void> {
  const config = loadConfig();
  const copnet = await startCopnet(config, {
    log: (message, error) => console.error(`[copnet] ${message}`, error ?? ''),
  });
  console.log(`copnet is serving ${copnet.url}/graphql (store: ${config.store === 'sqlite' ? `SQLite file ${config.dbPath}` : config.neo4j.uri})`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`copnet: ${signal} received, finishing in-flight requests and closing the store`);
    copnet.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('copnet: error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`copnet could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
