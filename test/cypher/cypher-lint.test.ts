import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ACTOR_KINDS } from '../../src/domain/actor';
import { cypherDirectory, readMigrations, readStatement } from '../../src/store/neo4j/cypher-files';
import { ACTOR_KIND_LABELS, NODE_LABELS, PROPERTY_KEYS, RELATIONSHIP_TYPES } from '../../src/store/neo4j/graph-model';
import { STATEMENT_NAMES, STATEMENT_PARAMETERS, type StatementName } from '../../src/store/neo4j/statements';

/**
 * Static checks of every .cypher file with Neo4j's own Cypher front end
 * (@neo4j-cypher/language-support): syntax and semantic errors and warnings, in both Cypher 5
 * and Cypher 25, against the graph model's labels, types and keys and the statement's
 * declared parameters. No Neo4j server is involved.
 */

interface Diagnostic {
  readonly severity?: number;
  readonly message: string;
  readonly range: { readonly start: { readonly line: number; readonly character: number } };
}
interface LabelOrRelType {
  readonly labelType: string;
  readonly labelText: string;
}
interface LanguageSupport {
  lintCypherQuery(query: string, dbSchema: Record<string, unknown>): Diagnostic[];
  parseStatementsStrs(query: string): string[];
  parseParameters(query: string, consoleCommandsEnabled: boolean): string[];
  parserWrapper: { parse(query: string): { statementsParsing: { collectedLabelOrRelTypes: LabelOrRelType[] }[] } };
  cypherVersions: string[];
}
// The package is loaded with require: its ESM build does not load under Jest's CommonJS transform.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cypher = require('@neo4j-cypher/language-support') as LanguageSupport;

const root = cypherDirectory();

function cypherFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? cypherFiles(path) : [relative(root, path)];
  });
}

const files = cypherFiles(root).sort();
const migrationFiles = files.filter((file) => file.startsWith('migrations/'));
const statementFiles = files.filter((file) => !file.startsWith('migrations/'));

function dbSchema(parameters: readonly string[], language: string): Record<string, unknown> {
  return {
    labels: [...NODE_LABELS],
    relationshipTypes: [...RELATIONSHIP_TYPES],
    propertyKeys: [...PROPERTY_KEYS],
    parameters: Object.fromEntries(parameters.map((name) => [name, null])),
    defaultLanguage: language,
  };
}

function declaredParameters(file: string): readonly string[] {
  if (file.startsWith('migrations/')) return [];
  return STATEMENT_PARAMETERS[file.replace(/\.cypher$/, '') as StatementName] ?? [];
}

describe('cypher/ folder', () => {
  it('holds exactly the statements the adapter declares, plus migrations', () => {
    expect(statementFiles).toEqual(STATEMENT_NAMES.map((name) => `${name}.cypher`).sort());
    expect(migrationFiles.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(/^(migrations\/\d{3}-)?[a-z0-9]+(-[a-z0-9]+)+\.cypher$/);
  });

  it('is found by the loader, which returns file texts and migrations in order', () => {
    expect(readStatement('bump-revision')).toBe(readFileSync(join(root, 'bump-revision.cypher'), 'utf8'));
    expect(readMigrations().map((m) => `migrations/${m.name}`)).toEqual(migrationFiles);
  });
});

describe.each(files)('cypher/%s', (file) => {
  const text = readFileSync(join(root, file), 'utf8');

  it('begins with a // comment saying what it does, and holds one statement', () => {
    expect(text).toMatch(/^\/\/ \S.{10,}/);
    expect(cypher.parseStatementsStrs(text)).toHaveLength(1);
    expect(text.trimEnd().endsWith(';')).toBe(false);
  });

  it.each(cypher.cypherVersions)('has no syntax or semantic diagnostics in %s', (language) => {
    const problems = cypher
      .lintCypherQuery(text, dbSchema(declaredParameters(file), language))
      .map((d) => `cypher/${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
    expect(problems).toEqual([]);
  });

  it('uses exactly the parameters the adapter supplies', () => {
    expect([...cypher.parseParameters(text, false)].sort()).toEqual([...declaredParameters(file)].sort());
  });

  it('names only labels and relationship types of the graph model', () => {
    const used = cypher.parserWrapper.parse(text).statementsParsing.flatMap((s) => s.collectedLabelOrRelTypes);
    const unknown = used
      .filter(
        (u) =>
          !(NODE_LABELS as readonly string[]).includes(u.labelText) && !(RELATIONSHIP_TYPES as readonly string[]).includes(u.labelText),
      )
      .map((u) => `${u.labelType} ${u.labelText}`);
    // The parser does not collect labels written by SET and REMOVE: check those from the text.
    for (const match of text.matchAll(/\b(?:SET|REMOVE)\s+\w+((?::\w+)+)/g)) {
      for (const label of (match[1] ?? '').split(':').filter(Boolean)) {
        if (!(NODE_LABELS as readonly string[]).includes(label)) unknown.push(`Label ${label}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  if (file.startsWith('migrations/')) {
    it('is idempotent (IF NOT EXISTS)', () => {
      expect(text).toMatch(/^CREATE (CONSTRAINT|RANGE INDEX) [a-z_]+ IF NOT EXISTS$/m);
    });
  }
});

describe('cypher/upsert-actors.cypher', () => {
  it('gives every actor kind its label and removes the others', () => {
    const text = readStatement('upsert-actors');
    const labels = ACTOR_KINDS.map((kind) => ACTOR_KIND_LABELS[kind]);
    expect(text).toContain(`REMOVE a:${labels.join(':')}\n`);
    for (const kind of ACTOR_KINDS) {
      expect(text).toContain(`FOREACH (_ IN CASE WHEN row.kind = '${kind}' THEN [1] ELSE [] END | SET a:${ACTOR_KIND_LABELS[kind]})`);
    }
  });
});
