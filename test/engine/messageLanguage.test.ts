/**
 * One language at a time in what the server and the CLI say (the manifest and the client's strings
 * are scanned in test/client/manifest.test.ts). Every text written in an English or a Chinese table
 * of server/src is found in the source (TypeScript syntax tree: string and template pieces) and
 * checked for the other language:
 * - a text is English when it sits under a property or variable named `en` (or `describeEn`), or in
 *   the `en` branch of `locale === 'en' ? … : …` / `en ? … : …`; Chinese under `zh`/`'zh-CN'` (or
 *   `describe`) or in the other branch;
 * - English text may hold Chinese only as an official term that names a cell, part or key: a key,
 *   label, alias or prose word of the format data (what the text's placeholders bring in is data too
 *   and is not scanned); nothing else, quoted or not;
 * - Chinese text may hold Latin letters only as names: rule codes, product and format names,
 *   all-capital abbreviations, command lines (`xxgk …`, `--flag`), file names and placeholders.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { allNodes, formats, SUBSECTION_KEYS, TABLE_NOTE_KEY } from '../../server/src/engine/format';
import { RULE_CODES } from '../../server/src/engine/rules/severity';
import { root } from '../helpers';

type Lang = 'en' | 'zh';
interface Piece {
  file: string;
  line: number;
  lang: Lang;
  text: string;
}

/** The official terms: every key, label (without its numbering), alias and prose word of both formats. */
function officialTerms(): Set<string> {
  const terms = new Set<string>([TABLE_NOTE_KEY, ...Object.values(SUBSECTION_KEYS)]);
  for (const def of Object.values(formats)) {
    for (const { node } of allNodes(def)) {
      terms.add(node.key);
      terms.add(node.label);
      terms.add(node.label.replace(/^[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*/, ''));
      for (const a of node.aliases ?? []) terms.add(a);
    }
    for (const p of def.semantic.prose.phrases) for (const w of p.words) terms.add(w);
    // The document's own name, from its title without the placeholders ({机关}{年度}年…).
    terms.add(def.titleTemplate.replace(/\{[^}]+\}年?/g, ''));
  }
  return terms;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(rel) : e.name.endsWith('.ts') ? [rel] : [];
  });
}

const nameOf = (n: ts.Node | undefined): string | undefined =>
  n && (ts.isIdentifier(n) || ts.isStringLiteral(n)) ? n.text : undefined;
const EN_NAMES = new Set(['en', 'describeEn']);
const ZH_NAMES = new Set(['zh', 'zh-CN', 'describe']);

/** `locale === 'en'`, `x.locale === 'en'`, `en`, `isEn`: a test that is true for English. */
function isEnglishTest(e: ts.Expression): boolean {
  const x = ts.isParenthesizedExpression(e) ? e.expression : e;
  if (ts.isIdentifier(x)) return x.text === 'en' || x.text === 'isEn';
  return ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken && ts.isStringLiteral(x.right) && x.right.text === 'en';
}

/** Every string and template piece in a language context, with that language. */
function pieces(file: string): Piece[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Piece[] = [];
  const add = (n: ts.Node, s: string, lang: Lang | undefined) => {
    if (lang && s.trim()) out.push({ file, line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1, lang, text: s });
  };
  const visit = (n: ts.Node, lang: Lang | undefined): void => {
    let here = lang;
    if (ts.isPropertyAssignment(n) || ts.isVariableDeclaration(n) || ts.isFunctionDeclaration(n)) {
      const name = nameOf(n.name);
      if (name && EN_NAMES.has(name)) here = 'en';
      else if (name && ZH_NAMES.has(name)) here = 'zh';
    }
    // A property's name is a key in code ('zh-CN', 'not-a-report'), not text.
    if (ts.isPropertyAssignment(n)) {
      if (ts.isComputedPropertyName(n.name)) visit(n.name, here);
      visit(n.initializer, here);
      return;
    }
    if (ts.isConditionalExpression(n) && isEnglishTest(n.condition)) {
      visit(n.condition, lang);
      visit(n.whenTrue, 'en');
      visit(n.whenFalse, 'zh');
      return;
    }
    // Keys of lookups (TEXT['zh-CN'], obj.en) and imports are code, not text.
    if (ts.isElementAccessExpression(n)) {
      visit(n.expression, here);
      return;
    }
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) add(n, n.text, here);
    else if (ts.isTemplateExpression(n)) {
      add(n.head, n.head.text, here);
      for (const span of n.templateSpans) {
        visit(span.expression, here);
        add(span.literal, span.literal.text, here);
      }
      return;
    }
    // Comparisons and switch cases hold codes, not text (kind === 'outcome-total').
    if (ts.isBinaryExpression(n) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(n.operatorToken.kind)) return;
    if (ts.isCaseClause(n)) {
      n.statements.forEach((s) => visit(s, here));
      return;
    }
    ts.forEachChild(n, (c) => visit(c, here));
  };
  visit(sf, undefined);
  return out;
}

/**
 * Chinese spans: CJK characters with the Chinese punctuation between them, so that a label with its
 * numbering (（七）总计, 五、存在的主要问题及改进情况) is one span. Quotes around a span are not part of it.
 */
const CJK_SPAN = /[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff\u3001\u3002\uff08\uff09\uff0c\uff1a（）、]*|[（(][一二三四五六七八九十]+[）)][\u3400-\u9fff]+/g;
const chineseSpans = (text: string) => [...text.matchAll(CJK_SPAN)].map((m) => m[0].replace(/[，。：、]+$/, ''));
/** Latin words in Chinese text allowed as names (besides rule codes and the patterns below). */
const NAMES = new Set(['xxgk', 'YAML', 'Word', 'VS', 'Code', 'LibreOffice', 'WPS', 'Windows', 'Node', 'js', 'Ctrl', 'Esc', 'Enter', 'zh-CN', 'en', 'alias', 'docx', 'html', 'htm', 'txt', 'pdf', 'md', 'yaml', 'yml', 'xxgk.yaml', 'e', 'g']);
const RULES = new Set<string>(RULE_CODES);

function englishWordsIn(text: string): string[] {
  const stripped = text
    .replace(/`[^`]*`/g, ' ') // code
    .replace(/[\w*.-]*\.(xxgk\.)?(ya?ml|docx|html?|txt|md|pdf|json|sarif|shtml)\b/gi, ' ') // file names
    .replace(/(^|\s)--?[a-z][\w-]*/g, ' ') // flags
    .replace(/\bxxgk(\s+[a-z]+)?\b/g, ' ') // commands
    .replace(/\{\d+\}|%[sd]/g, ' ') // placeholders
    .replace(/[a-z]+:\/\/\S+/g, ' '); // URLs
  return [...stripped.matchAll(/[A-Za-z][A-Za-z-]*/g)]
    .map((m) => m[0])
    .filter((w) => !RULES.has(w) && !NAMES.has(w) && !/^[A-Z0-9][A-Z0-9-]+$/.test(w) && !/^[A-Z]$/.test(w));
}

const FILES = ['server/src', 'bin']
  .filter((d) => fs.existsSync(path.join(root, d)))
  .flatMap(sourceFiles)
  // The format data is Chinese data, not a message table.
  .filter((f) => !f.includes(`${path.sep}format${path.sep}`));
const all = FILES.flatMap(pieces);

test('the scan finds the message tables of the server, the CLI and the importer in both languages', () => {
  const byFile = (lang: Lang) => new Set(all.filter((p) => p.lang === lang).map((p) => p.file.split(path.sep).slice(-2).join('/')));
  for (const file of ['i18n/messages.ts', 'i18n/hover.ts', 'i18n/completion.ts', 'i18n/explain.ts', 'i18n/editor.ts', 'i18n/render.ts', 'i18n/import.ts', 'i18n/sheet.ts', 'i18n/cli.ts', 'i18n/review.ts', 'i18n/schema.ts', 'i18n/parse.ts']) {
    assert.ok(byFile('en').has(file), `no English text found in ${file}`);
    assert.ok(byFile('zh').has(file), `no Chinese text found in ${file}`);
  }
  assert.ok(all.filter((p) => p.lang === 'en').length > 300, `${all.length} pieces`);
});

test('English tables hold Chinese only as official terms of the format data', () => {
  const terms = officialTerms();
  const bad = all
    .filter((p) => p.lang === 'en')
    .flatMap((p) => chineseSpans(p.text).filter((w) => !terms.has(w)).map((w) => `${p.file}:${p.line} ${w} in ${JSON.stringify(p.text)}`));
  assert.deepEqual(bad, []);
});

test('Chinese tables hold no English words, only names and codes', () => {
  const bad = all
    .filter((p) => p.lang === 'zh')
    .flatMap((p) => englishWordsIn(p.text).map((w) => `${p.file}:${p.line} ${w} in ${JSON.stringify(p.text)}`));
  assert.deepEqual(bad, []);
});

test('the scan itself: Chinese in English and English in Chinese are caught', () => {
  const terms = officialTerms();
  assert.ok(terms.has('自然人') && terms.has('总计') && terms.has('依申请公开'));
  assert.ok(!terms.has('自动计算'));
  assert.deepEqual(englishWordsIn('按 `off` 关闭 row-total，见 xxgk check a.xxgk.yaml --force，YAML 与 UTF-8'), []);
  assert.deepEqual(chineseSpans('Table 3: （七）总计 differs; no heading "五、存在的主要问题及改进情况", 「自然人」'), ['（七）总计', '五、存在的主要问题及改进情况', '自然人']);
  for (const w of ['（七）总计', '五、存在的主要问题及改进情况', '政府信息公开工作年度报告']) assert.ok(terms.has(w), w);
  assert.ok(!terms.has('年度报告'));
  assert.deepEqual(englishWordsIn('请 check the file'), ['check', 'the', 'file']);
});
