import 'reflect-metadata';
import { ConfigError } from './config';
import { InvalidInputError, StoreUnavailableError } from './domain/errors';
import { createProgram } from './cli/program';

/**
 * The process entry point of `npm start` and the `copnet` binary: parse the command line, run
 * the command. Problems the user can fix end in one line and a non-zero exit code.
 */
createProgram()
  .parseAsync(process.argv)
  .then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      if (error instanceof InvalidInputError || error instanceof ConfigError || error instanceof StoreUnavailableError) {
        console.error(`copnet: ${error.message}`);
      } else {
        console.error('copnet: unexpected error', error);
      }
      process.exit(1);
    },
  );
