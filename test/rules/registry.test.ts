/**
 * The rule registry (server/src/engine/rules/registry.ts) is the one list of rules: the rule tables
 * in README.md and docs/rules.md, the sections diagnostics link to and the "one root cause, one
 * error" table must say what it says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_REGISTRY } from '../../server/src/engine/rules/registry';
import { root } from '../helpers';

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const rulesMd = read('docs/rules.md');
const codes = RULE_REGISTRY.map((r) => r.code as string);
const SEVERITY_WORDS: Record<string, string> = { 错误: 'error', 警告: 'warning', 提示: 'info' };

/** `| code | severity |` rows of a Markdown table, in order: the code is the first backticked word of the row. */
function tableRows(text: string, row: RegExp): { code: string; severity: string }[] {
  return [...text.matchAll(row)].map((m) => ({ code: m[1], severity: SEVERITY_WORDS[m[2]] ?? m[2] }));
}

test('every code is listed once', () => {
  assert.equal(new Set(codes).size, codes.length);
  assert.ok(codes.length >= 20);
});

test('docs/rules.md has one section per rule, headed by its code (the anchor diagnostics link to)', () => {
  const headings = [...rulesMd.matchAll(/^## ([a-z][a-z-]*)\s*$/gm)].map((m) => m[1]);
  assert.deepEqual([...headings].sort(), [...codes].sort());
});

test("docs/rules.md's rule table lists the registry's codes and default severities, in order", () => {
  const rows = tableRows(rulesMd, /^\| \[`([a-z-]+)`\]\(#\1\) \| (错误|警告|提示) [a-z]+ \|/gm);
  assert.deepEqual(rows, RULE_REGISTRY.map((r) => ({ code: r.code, severity: r.severity })));
});

test("README's rule table lists the registry's codes and default severities, in order", () => {
  const rows = tableRows(read('README.md'), /^\| `([a-z-]+)` \| (错误|警告|提示) \|/gm);
  assert.deepEqual(rows, RULE_REGISTRY.map((r) => ({ code: r.code, severity: r.severity })));
});

test('which rules stay silent after which: the registry and the root-cause table of docs/rules.md agree', () => {
  const start = rulesMd.indexOf('## 一个原因，一个诊断');
  assert.ok(start > 0);
  const section = rulesMd.slice(start, rulesMd.indexOf('\n## ', start + 1));
  const documented = new Set<string>();
  for (const line of section.split('\n').filter((l) => /^\| .*`/.test(l))) {
    const [first, second] = line.split(' | ');
    const known = (cell: string) => [...cell.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]).filter((c) => codes.includes(c));
    for (const a of known(first)) for (const b of known(second)) documented.add(`${a} → ${b}`);
  }
  const declared = new Set(RULE_REGISTRY.flatMap((r) => ('silences' in r ? r.silences.map((s) => `${r.code} → ${s}`) : [])));
  assert.ok(declared.size > 0);
  assert.deepEqual([...declared].sort(), [...documented].sort());
  for (const r of RULE_REGISTRY) if ('silences' in r) for (const s of r.silences) assert.ok(codes.includes(s), `${r.code} silences an unknown code ${s}`);
});
