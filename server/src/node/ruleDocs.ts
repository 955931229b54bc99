/**
 * Where a rule's documentation is: docs/rules.md as shipped beside the bundles (dist/rules.md,
 * copied by scripts/bundle.js) or in the source tree, linked as a file: URI at the line of the
 * rule's heading (`#L82`, which VS Code opens at that line; other clients open the file). It works
 * offline and in any LSP client, and never points at a web page that may not exist.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_DOCS } from '../shared/ids';
import { MAX_SOURCE_BYTES, readRegularFileSync } from './readFile';

function rulesFile(): string | undefined {
  const beside = path.join(__dirname, RULE_DOCS.file);
  if (fs.existsSync(beside)) return beside;
  // Compiled tree (out/server/src/…): the repository's docs/.
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, RULE_DOCS.folder, RULE_DOCS.file);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

let cached: { uri: string; lines: Map<string, number> } | null | undefined;

function load(): { uri: string; lines: Map<string, number> } | null {
  if (cached !== undefined) return cached;
  const file = rulesFile();
  cached = null;
  if (!file) return cached;
  const lines = new Map<string, number>();
  try {
    readRegularFileSync(file, MAX_SOURCE_BYTES)
      .toString('utf8')
      .split('\n')
      .forEach((line, i) => {
        const m = /^## ([a-z][a-z-]*)\s*$/.exec(line);
        if (m) lines.set(m[1], i + 1);
      });
  } catch {
    // The file is linked without line anchors.
  }
  cached = { uri: pathToFileURL(file).href, lines };
  return cached;
}

/** The rules document's URI, or undefined when it is not installed. */
export function ruleDocsUri(): string | undefined {
  return load()?.uri;
}

/** Link to the section of rule `code` in the shipped rules document (the document itself for an unknown code). */
export function ruleDocLink(code: string): string | undefined {
  const docs = load();
  if (!docs) return undefined;
  const line = docs.lines.get(code);
  return line ? `${docs.uri}#L${line}` : docs.uri;
}
