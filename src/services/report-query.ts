import { InvalidInputError } from '../domain/errors';
import { checkText } from '../domain/text-rules';
import { parseExportQuery, type ExportQueryText } from './export-query';
import type { ReportRequest } from './report-service';

/** The longest report title. */
export const MAX_REPORT_TITLE = 200;

export interface ReportQueryText extends Omit<ExportQueryText, 'format' | 'version'> {
  readonly title?: string;
}

/**
 * Checks a report request given as text (HTTP query, CLI flags): the series and scope as
 * a series export takes them (from, to, step, windowSize, expanding, actorKinds,
 * interactionKinds, coParticipationLimit) and an optional title. Errors are
 * InvalidInputError naming the parameter.
 */
export function parseReportQuery(text: ReportQueryText): ReportRequest {
  const { title, ...rest } = text;
  const query = parseExportQuery({ ...rest, format: 'csv-series' });
  if (query.kind !== 'series') throw new Error('a csv-series query is a series');
  if (title !== undefined && title.length > MAX_REPORT_TITLE) {
    // The text rules' length wording; the value is shortened by InvalidInputError like any other.
    throw new InvalidInputError('title', title, `is ${title.length} characters long; at most ${MAX_REPORT_TITLE} are allowed`);
  }
  // A name's rules: one line of printable text, no direction controls (the title heads a page sent to others).
  return {
    series: query.series,
    scope: query.scope,
    options: query.options,
    title: title === undefined || title.trim() === '' ? null : checkText(title, 'name', 'title'),
  };
}
