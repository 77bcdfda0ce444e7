import { InvalidInputError } from '../domain/errors';

/** The window and scope options `copnet export` and `copnet report` share, as commander gives them. */
export interface WindowOptions {
  readonly from?: string;
  readonly to?: string;
  readonly step?: string;
  readonly windowSize?: string;
  readonly expanding?: boolean;
  readonly actorKinds?: string;
  readonly interactionKinds?: string;
  readonly coParticipationLimit?: string;
}

/** CLI flag for each window parameter the query parsers name in their errors. */
export const WINDOW_FLAGS: Readonly<Record<string, string>> = {
  from: '--from',
  to: '--to',
  step: '--step',
  windowSize: '--window-size',
  expanding: '--expanding',
  actorKinds: '--actor-kinds',
  interactionKinds: '--interaction-kinds',
  coParticipationLimit: '--co-participation-limit',
};

/** The window options as the query text the parsers read (the --expanding switch as 'true'). */
export function windowQueryText(options: WindowOptions) {
  return {
    from: options.from,
    to: options.to,
    step: options.step,
    windowSize: options.windowSize,
    expanding: options.expanding === undefined ? undefined : String(options.expanding),
    actorKinds: options.actorKinds,
    interactionKinds: options.interactionKinds,
    coParticipationLimit: options.coParticipationLimit,
  };
}

/**
 * Runs a query parser, renaming the field of its InvalidInputError to the CLI flag
 * (`actorKinds[1]` → `--actor-kinds[1]`); fields without a flag stay as they are.
 */
export function parseWithFlags<T>(flags: Readonly<Record<string, string>>, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InvalidInputError) {
      const match = /^([A-Za-z]+)(.*)$/.exec(error.field);
      const flag = match ? flags[match[1]!] : undefined;
      throw new InvalidInputError(flag === undefined ? error.field : `${flag}${match![2]}`, error.value, error.reason);
    }
    throw error;
  }
}
