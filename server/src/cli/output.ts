/**
 * The three output formats of `xxgk check`: text lines for editors and CI problem matchers,
 * JSON for scripts, SARIF 2.1.0 for code-scanning tools.
 */
import type { Diagnostic } from '../engine';
import { CLI_TEXT, RULE_TITLES, ruleTitle } from '../engine';
import type { Locale } from '../engine';
import type { RuleCode } from '../engine';
import { SEVERITY } from '../engine';
import { ruleDocLink, ruleDocsUri } from '../node/ruleDocs';

export interface FileResult {
  path: string;
  diagnostics: Diagnostic[];
}


/** Diagnostics by severity. */
export type Counts = Record<'error' | 'warning' | 'info', number>;

export function count(results: FileResult[]): Counts {
  const n = { error: 0, warning: 0, info: 0 };
  for (const r of results) for (const d of r.diagnostics) n[d.severity]++;
  return n;
}

/**
 * Text for a terminal: control characters from a report (ESC sequences that write the clipboard or
 * clear the screen, C1 controls, line separators) and bidirectional overrides that reorder what is
 * shown are written as `\uXXXX`, as JSON would; everything else (Chinese text) is printed as is.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The lines of one file's diagnostics (no summary). */
export function textLines(r: FileResult): string[] {
  return r.diagnostics.map((d) => printable(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`));
}

export function summaryLine(files: number, n: Counts, locale: Locale): string {
  return CLI_TEXT[locale].summary(files, n);
}

export function formatText(results: FileResult[], locale: Locale): string {
  const lines = results.flatMap(textLines);
  lines.push(summaryLine(results.length, count(results), locale));
  return lines.join('\n') + '\n';
}

export function formatJson(results: FileResult[]): string {
  return JSON.stringify({ files: results.map((r) => ({ path: r.path, diagnostics: r.diagnostics })) }, null, 2) + '\n';
}

const sarifLevel = { error: 'error', warning: 'warning', info: 'note' } as const;

const region = (d: { range: Diagnostic['range'] }) => ({
  startLine: d.range.start.line + 1,
  startColumn: d.range.start.character + 1,
  endLine: d.range.end.line + 1,
  endColumn: d.range.end.character + 1,
});

const RULE_CODES = Object.keys(RULE_TITLES) as RuleCode[];

/** The SARIF results of one file (one per diagnostic). */
export function sarifResults(r: FileResult): unknown[] {
  return r.diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: RULE_CODES.indexOf(d.code),
    level: sarifLevel[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: toUri(r.path) }, region: region(d) } }],
    ...(d.related
      ? {
          relatedLocations: d.related.map((rel, id) => ({
            id,
            message: { text: rel.message },
            physicalLocation: { artifactLocation: { uri: toUri(rel.path ?? r.path) }, region: region(rel) },
          })),
        }
      : {}),
    ...(d.cell ? { properties: { cell: d.cell } } : {}),
  }));
}

export function formatSarif(results: FileResult[], locale: Locale, version: string): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'xxgk',
            version,
            // The rules document installed with the CLI (node/ruleDocs.ts), not a web page.
            ...(ruleDocsUri() ? { informationUri: ruleDocsUri() } : {}),
            rules: RULE_CODES.map((code) => ({
              id: code,
              shortDescription: { text: ruleTitle(code, locale) },
              ...(ruleDocLink(code) ? { helpUri: ruleDocLink(code) } : {}),
              defaultConfiguration: { level: sarifLevel[SEVERITY[code]] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap(sarifResults),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** SARIF wants URI references: forward slashes, percent-encoded (Chinese file names included). */
function toUri(p: string): string {
  return p.split(/[\\/]/).map(encodeURIComponent).join('/');
}
