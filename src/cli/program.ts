import { Command } from 'commander';
import { registerExportCommand } from './export-command';
import { registerImportCommand } from './import-command';
import { registerMigrateStoreCommand } from './migrate-store-command';
import { registerReportCommand } from './report-command';
import { registerServeCommand } from './serve-command';
import { registerSurveyCommand } from './survey-command';
import { registerTokenCommand } from './token-command';

/** The `copnet` command line: one module per command. */
export function createProgram(): Command {
  const program = new Command('copnet')
    .description('Record how a Community of Practice interacts; measure whether it is becoming less hub-and-spoke.')
    .showHelpAfterError();
  registerServeCommand(program);
  registerMigrateStoreCommand(program);
  registerImportCommand(program);
  registerExportCommand(program);
  registerReportCommand(program);
  registerTokenCommand(program);
  registerSurveyCommand(program);
  return program;
}
