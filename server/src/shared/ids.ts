/**
 * Names shared by the extension, the language server and package.json (the manifest test checks
 * that every contributed id is used here). Plain constants only: the client bundle imports this.
 */

export const LANGUAGE_ID = 'xxgk-report';
/** Settings section; also the client id, so vscode-languageclient reads `xxgk.trace.server`. */
export const SECTION = 'xxgk';

export const Commands = {
  newReport: 'xxgk.newReport',
  exportHtml: 'xxgk.exportHtml',
  exportDocx: 'xxgk.exportDocx',
  checkWorkspace: 'xxgk.checkWorkspace',
  showProblems: 'xxgk.showProblems',
  nextYear: 'xxgk.nextYear',
  importReport: 'xxgk.importReport',
  reviewWorkspace: 'xxgk.reviewWorkspace',
} as const;

/** Report sources, as the CLI finds them. */
export const REPORT_GLOB = '**/*.xxgk.{yaml,yml}';
export const REPORT_NAME = /\.xxgk\.ya?ml$/i;

/**
 * The rules document, which diagnostics link to: docs/rules.md in the repository, copied beside
 * the bundles under this name by scripts/bundle.js (server/src/node/ruleDocs.ts finds either).
 */
export const RULE_DOCS = { folder: 'docs', file: 'rules.md' } as const;
