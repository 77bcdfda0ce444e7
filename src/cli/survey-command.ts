import type { Command } from 'commander';
import { TokenService } from '../auth/token-service';
import { loadConfig, type Config } from '../config';
import { systemAuthor } from '../domain/access';
import { InvalidInputError, StoreUnavailableError } from '../domain/errors';
import { isSurveyOpen, type Survey } from '../domain/survey';
import { MetricsService } from '../services/metrics-service';
import { SurveyService } from '../services/survey-service';
import { openConfiguredStore } from '../store/open-store';
import type { Store } from '../store/store';

/**
 * `copnet survey links SURVEY_ID > links.csv`: new respondent links for every roster actor, the
 * CSV (actor_id,actor_name,url) on standard output, as GET /export/survey-links writes it; links
 * start with COPNET_PUBLIC_URL, else http://localhost:<PORT>. `copnet survey list`: one line per
 * survey. Bad input ends in one line on stderr naming what is wrong, exit code 1. Tokens are
 * recorded in the audit trail as made by `cli`.
 */
export interface SurveyCommandDeps {
  readonly loadConfig?: () => Config;
  readonly openStore?: (config: Config) => Promise<Store>;
  readonly out?: (text: string) => void;
  readonly err?: (line: string) => void;
}

export function registerSurveyCommand(program: Command, deps: SurveyCommandDeps = {}): Command {
  const out = deps.out ?? ((text: string) => process.stdout.write(text));
  const err = deps.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const withSurveys = async (work: (surveys: SurveyService, config: Config) => Promise<void>): Promise<void> => {
    let store: Store | null = null;
    try {
      const config = (deps.loadConfig ?? loadConfig)();
      store = await (deps.openStore ?? openConfiguredStore)(config);
      await work(new SurveyService(store, new MetricsService(store), new TokenService(store), config.publicUrl), config);
    } catch (error) {
      if (
        error instanceof InvalidInputError ||
        error instanceof StoreUnavailableError ||
        (error instanceof Error && error.name === 'ConfigError')
      ) {
        err(`copnet survey: ${error.message}`);
        process.exitCode = 1;
        return;
      }
      throw error;
    } finally {
      await store?.close();
    }
  };
  const survey = program.command('survey').description('Relationship surveys (trust and value): list them, hand out respondent links');
  survey
    .command('links')
    .description('Create a new respondent link for every roster actor; prints the CSV actor_id,actor_name,url (earlier links keep working)')
    .argument('<surveyId>', 'the survey id (copnet survey list)')
    .action(async (surveyId: string) => {
      await withSurveys(async (surveys, config) => {
        const base = config.publicUrl ?? `http://localhost:${config.port}`;
        out((await surveys.linksCsv(surveyId, base, systemAuthor('cli'))).text);
      });
    });
  survey
    .command('list')
    .description('List the surveys: id, name, window, state, roster size')
    .action(async () => {
      await withSurveys(async (surveys) => {
        const all = await surveys.list();
        if (all.length === 0) out('No surveys.\n');
        for (const s of all) out(`${describe(s)}\n`);
      });
    });
  return survey;
}

function describe(survey: Survey, now = new Date()): string {
  const state = isSurveyOpen(survey, now)
    ? survey.closesAt
      ? `open until ${survey.closesAt.toISOString()}`
      : 'open'
    : `closed ${(survey.closedAt ?? survey.closesAt)!.toISOString()}`;
  return `${survey.id}\t${survey.name}\t${survey.window.from.toISOString()}/${survey.window.to.toISOString()}\t${state}\t${survey.rosterIds.length} actors`;
}
