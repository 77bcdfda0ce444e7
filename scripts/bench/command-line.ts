import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * node:util parseArgs for a bench script: an unknown or malformed option prints what is wrong
 * and the script's usage, and exits with status 2, instead of a stack trace.
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`${error.message}\nusage: ${usage}`);
      process.exit(2);
    }
    throw error;
  }
}
