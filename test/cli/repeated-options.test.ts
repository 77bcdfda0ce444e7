import { CommanderError, type Command } from 'commander';
import { createProgram } from '../../src/cli/program';

/** Parses a command line without running anything past the parse; resolves to what commander wrote to stderr. */
async function refusal(args: string[]): Promise<{ error: string; code: string }> {
  const program = createProgram();
  const written: string[] = [];
  const quiet = (command: Command): void => {
    command.exitOverride().configureOutput({ writeErr: (text) => written.push(text), writeOut: () => undefined });
    command.commands.forEach(quiet);
  };
  quiet(program);
  try {
    await program.parseAsync(['node', 'copnet', ...args]);
  } catch (error) {
    if (error instanceof CommanderError) return { error: written.join('').split('\n')[0]!, code: error.code };
    throw error;
  }
  throw new Error(`${args.join(' ')} was accepted`);
}

describe('an option given twice', () => {
  it('is refused, naming the option and both values, where commander kept the last one silently', async () => {
    expect(await refusal(['import', '--actors', 'a.csv', '--actors', 'b.csv'])).toEqual({
      error: `error: option '--actors <file>' argument 'b.csv' is invalid. it is given twice ("a.csv" first); give it once`,
      code: 'commander.invalidArgument',
    });
    expect(
      await refusal(['export', '--format', 'json', '--from', '2020-01-01', '--to', '2021-01-01', '--out=x.json', '--out', 'y.json']),
    ).toEqual({
      error: `error: option '--out <file>' argument 'y.json' is invalid. it is given twice ("x.json" first); give it once`,
      code: 'commander.invalidArgument',
    });
    expect(await refusal(['token', 'create', '--name', 'a', '--name', 'b', '--role', 'reader'])).toMatchObject({
      code: 'commander.invalidArgument',
    });
    // Options with a default too: the first value replaces the default, a second is refused.
    expect(await refusal(['import', '--format', 'json', '--format', 'csv', 'doc.json'])).toEqual({
      error: `error: option '--format <format>' argument 'csv' is invalid. it is given twice ("json" first); give it once`,
      code: 'commander.invalidArgument',
    });
    expect(await refusal(['import', '--format', 'xml', 'doc.xml'])).toEqual({
      error: `error: option '--format <format>' argument 'xml' is invalid. Allowed choices are csv, json.`,
      code: 'commander.invalidArgument',
    });
    expect(await refusal(['serve', '--processes', '2', '--processes', '3'])).toMatchObject({ code: 'commander.invalidArgument' });
    expect(await refusal(['migrate-store', '--from', 'a.db', '--to', 'b.db', '--batch-size', '10', '--batch-size', '20'])).toMatchObject({
      code: 'commander.invalidArgument',
    });
  });
});
