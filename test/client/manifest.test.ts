/**
 * The extension manifest (package.json) against the code and the files it names: every string
 * localised in both languages, every command and setting actually wired, activation narrow, the
 * grammar in step with the format definitions, and the .vsix holding only what it should.
 * No `vscode` import: these run under plain node:test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cellOnlyKeys, GRAMMAR_FILE, grammarText, partKeys, SCOPE_NAME, TOTAL_KEY } from '../../scripts/gen-grammar';
import { newReportText } from '../../server/src/engine/workflows/newReport';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { RULE_CODES } from '../../server/src/engine/rules/severity';
import { root } from '../helpers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the manifest is untyped JSON, walked freely here.

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const readJson = (file: string): Json => JSON.parse(read(file));

const pkg = readJson('package.json');
const nls: Record<string, Json> = { en: readJson('package.nls.json'), 'zh-cn': readJson('package.nls.zh-cn.json') };
const contributes: Json = pkg.contributes;
const LANGUAGE_ID = 'xxgk-report';

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(rel));
    else if (e.name.endsWith('.ts')) out.push(rel);
  }
  return out;
}
const clientFiles = sourceFiles('client/src').map((f) => ({ file: f, text: read(f) }));
const serverFiles = sourceFiles('server/src').map((f) => ({ file: f, text: read(f) }));
const quoted = (s: string) => [`'${s}'`, `"${s}"`, `\`${s}\``];
const mentions = (text: string, s: string) => quoted(s).some((q) => text.includes(q));

/** Every string value of the manifest, with its JSON path. */
function strings(value: unknown, at = ''): { at: string; value: string }[] {
  if (typeof value === 'string') return [{ at, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
  return [];
}

test('every %key% of the manifest resolves in package.nls.json and package.nls.zh-cn.json, and both hold the same keys', () => {
  const keys = strings(pkg)
    .map((s) => /^%(.+)%$/.exec(s.value))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m[1]);
  assert.ok(keys.length > 40, `only ${keys.length} localised strings`);
  for (const [lang, table] of Object.entries(nls)) {
    for (const key of keys) assert.ok(typeof table[key] === 'string' && table[key].trim(), `${key} missing in ${lang}`);
  }
  assert.deepEqual(Object.keys(nls['zh-cn']).sort(), Object.keys(nls.en).sort(), 'the two nls files differ in keys');
  const unused = Object.keys(nls.en).filter((k) => !keys.includes(k));
  assert.deepEqual(unused, [], 'nls keys no manifest string uses');
  // The Chinese file is really Chinese (a copied English value would pass the checks above).
  const untranslated = Object.entries(nls['zh-cn']).filter(([k, v]) => v === nls.en[k] && !/^[^A-Za-z]*$|XXGK/.test(v));
  assert.deepEqual(untranslated, []);
});

test('commands: localised titles, the shared category, registered in client/src; menus and keys name only contributed commands', () => {
  const commands: Json[] = contributes.commands;
  const ids = commands.map((c) => c.command as string);
  assert.deepEqual(ids.sort(), [
    'xxgk.checkWorkspace',
    'xxgk.exportDocx',
    'xxgk.exportHtml',
    'xxgk.importReport',
    'xxgk.newReport',
    'xxgk.nextYear',
    'xxgk.preview.open',
    'xxgk.preview.openToSide',
    'xxgk.preview.toggleLock',
    'xxgk.reviewWorkspace',
    'xxgk.showProblems',
  ]);
  const all = clientFiles.map((f) => f.text).join('\n');
  assert.ok(all.includes('registerCommand('), 'client/src registers commands');
  for (const c of commands) {
    assert.match(c.title, /^%command\.[\w.]+%$/, `${c.command} title is localised`);
    assert.equal(c.category, '%command.category%', c.command);
    assert.equal(nls.en['command.category'], 'Annual Report');
    assert.equal(nls['zh-cn']['command.category'], '年报');
    assert.ok(mentions(all, c.command), `${c.command} is never registered in client/src`);
  }
  const menuItems = Object.values(contributes.menus as Record<string, Json[]>).flat();
  for (const item of [...menuItems, ...contributes.keybindings]) {
    assert.ok(ids.includes(item.command), `${item.command} is not contributed`);
    if (item.alt) assert.ok(ids.includes(item.alt), item.alt);
  }
  // Every command has a palette entry with a `when` (except New Report, useful anywhere).
  const palette = new Map((contributes.menus.commandPalette as Json[]).map((m) => [m.command, m.when]));
  for (const id of ids) if (id !== 'xxgk.newReport') assert.ok(palette.get(id), `${id} has no commandPalette when clause`);
});

test('editor title buttons and keybindings for the preview, scoped to the report language', () => {
  const title: Json[] = contributes.menus['editor/title'];
  for (const id of ['xxgk.preview.open', 'xxgk.preview.openToSide']) {
    const item = title.find((m) => m.command === id);
    assert.ok(item, id);
    assert.match(item.group, /^navigation/);
    assert.match(item.when, /editorLangId == '?xxgk-report'?/);
    assert.match(contributes.commands.find((c: Json) => c.command === id).icon, /^\$\([\w-]+\)$/);
  }
  const keys: Json[] = contributes.keybindings;
  assert.deepEqual(
    keys.map((k) => [k.command, k.key, k.mac]),
    [
      ['xxgk.preview.open', 'ctrl+shift+v', 'cmd+shift+v'],
      ['xxgk.preview.openToSide', 'ctrl+k v', 'cmd+k v'],
    ],
  );
  for (const k of keys) assert.match(k.when, /editorLangId == '?xxgk-report'?/);
});

test('every xxgk.* setting is described, localised and read by code', () => {
  const properties: Record<string, Json> = contributes.configuration.properties;
  assert.deepEqual(Object.keys(properties).sort(), [
    'xxgk.inlayHints.enabled',
    'xxgk.locale',
    'xxgk.preview.scrollSync',
    'xxgk.preview.style',
    'xxgk.rules',
    'xxgk.trace.server',
    'xxgk.validation.debounce',
  ]);
  const files = [...clientFiles, ...serverFiles];
  for (const [key, schema] of Object.entries(properties)) {
    assert.match(schema.markdownDescription ?? schema.description, /^%config\.[\w.-]+%$/, `${key} description`);
    for (const d of schema.enumDescriptions ?? []) assert.match(d, /^%.+%$/);
    if (key === 'xxgk.trace.server') continue; // Read by vscode-languageclient itself: see the next test.
    // `xxgk.a.b` is read as getConfiguration('xxgk').get('a.b') or getConfiguration('xxgk.a').get('b').
    const parts = key.split('.');
    const read = parts.slice(1).some((_, i) => {
      const section = parts.slice(0, i + 1).join('.');
      const rest = parts.slice(i + 1).join('.');
      return files.some((f) => mentions(f.text, rest) && (section === 'xxgk' || mentions(f.text, section)));
    });
    assert.ok(read, `setting ${key} is not read anywhere in client/src or server/src`);
  }
});

test('xxgk.trace.server is read by vscode-languageclient: the client id is the section name', () => {
  const ids = read('server/src/shared/ids.ts');
  assert.match(ids, /export const SECTION = 'xxgk';/);
  assert.match(read('client/src/client.ts'), /new LanguageClient\(SECTION,/);
  assert.deepEqual(contributes.configuration.properties['xxgk.trace.server'].enum, ['off', 'messages', 'verbose']);
});

test('setting schemas match what the server accepts, with the same defaults', () => {
  const p: Record<string, Json> = contributes.configuration.properties;
  assert.deepEqual(p['xxgk.locale'].enum, ['auto', 'zh-CN', 'en']);
  assert.equal(p['xxgk.locale'].default, DEFAULT_SETTINGS.locale);
  assert.deepEqual(p['xxgk.rules'].propertyNames.enum, RULE_CODES, 'xxgk.rules names every rule code');
  assert.deepEqual(p['xxgk.rules'].additionalProperties.enum, ['error', 'warning', 'info', 'off']);
  assert.deepEqual(p['xxgk.rules'].default, DEFAULT_SETTINGS.rules);
  assert.equal(p['xxgk.validation.debounce'].default, DEFAULT_SETTINGS.validation.debounce);
  assert.equal(p['xxgk.inlayHints.enabled'].default, DEFAULT_SETTINGS.inlayHints.enabled);
  assert.deepEqual(p['xxgk.preview.style'].enum.slice().sort(), ['paper', 'theme']);
  assert.equal(p['xxgk.preview.style'].default, 'paper');
  assert.equal(p['xxgk.preview.scrollSync'].default, true);
});

test('every vscode.l10n.t string in client/src has a Chinese translation with the same placeholders', () => {
  const bundle: Record<string, string> = readJson('l10n/bundle.l10n.zh-cn.json');
  const used = new Set<string>();
  for (const { file, text } of clientFiles) {
    // Only literal messages can be translated: a computed one would silently stay English.
    const calls = text.match(/l10n\.t\(/g) ?? [];
    const literals = [...text.matchAll(/l10n\.t\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g)].map((m) => m[1]);
    assert.equal(literals.length, calls.length, `${file}: every l10n.t call takes a string literal first`);
    for (const lit of literals) used.add(lit[0] === '"' ? JSON.parse(lit) : lit.slice(1, -1).replace(/\\(.)/g, '$1'));
  }
  assert.ok(used.size > 20, `only ${used.size} runtime strings found`);
  const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort();
  for (const message of used) {
    const zh = bundle[message];
    assert.ok(zh, `no zh-cn translation for: ${message}`);
    assert.deepEqual(placeholders(zh), placeholders(message), `placeholders differ: ${message}`);
  }
  assert.deepEqual(Object.keys(bundle).filter((k) => !used.has(k)), [], 'translations of strings no longer in the code');
});

test('activation, engines, entry point and capabilities', () => {
  assert.deepEqual(pkg.activationEvents, ['onLanguage:xxgk-report', 'onWebviewPanel:xxgk.preview', 'onView:xxgk.overview']);
  assert.equal(pkg.engines.vscode, '^1.100.0');
  // vsce refuses @types/vscode newer than engines.vscode.
  const typesVersion = readJson('node_modules/@types/vscode/package.json').version as string;
  assert.match(typesVersion, /^1\.100\./);
  assert.equal(pkg.main, './dist/client.js');
  assert.equal(pkg.l10n, './l10n');
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.equal(pkg.capabilities.virtualWorkspaces.supported, false);
  assert.ok(pkg.dependencies['vscode-languageclient']);
  assert.match(pkg.devDependencies['@vscode/vsce'], /^\^?3\./);
  assert.ok(fs.existsSync(path.join(root, 'LICENSE')) && fs.existsSync(path.join(root, 'CHANGELOG.md')));
  // Commands limited in Restricted Mode say so in their palette entry.
  const palette = new Map((contributes.menus.commandPalette as Json[]).map((m) => [m.command, m.when]));
  for (const id of ['xxgk.exportHtml', 'xxgk.exportDocx', 'xxgk.checkWorkspace', 'xxgk.importReport']) assert.match(palette.get(id), /isWorkspaceTrusted/);
});

test('the language: extensions, configuration file, grammar and icons exist', () => {
  const [lang] = contributes.languages as Json[];
  assert.equal(lang.id, LANGUAGE_ID);
  assert.deepEqual(lang.extensions, ['.xxgk.yaml', '.xxgk.yml']);
  // VS Code shows the first alias as the language's name (status bar, language picker) and, since
  // 1.x, replaces %key% anywhere in the manifest, aliases included: the name follows the UI language.
  assert.deepEqual(lang.aliases, ['%language.name%', 'xxgk report']);
  assert.doesNotMatch(nls.en['language.name'], /[\u3400-\u9fff]/);
  assert.equal(nls['zh-cn']['language.name'], '政府信息公开年报');
  const config = readJson(lang.configuration);
  assert.equal(config.comments.lineComment, '#');
  assert.ok(config.brackets.length >= 2 && config.autoClosingPairs.length >= 2);
  for (const icon of Object.values(lang.icon as Record<string, string>)) assert.ok(fs.existsSync(path.join(root, icon)), icon);
  const [grammar] = contributes.grammars as Json[];
  assert.deepEqual([grammar.language, grammar.scopeName, grammar.path], [LANGUAGE_ID, SCOPE_NAME, `./${GRAMMAR_FILE}`]);
});

test('media/icon.png is a 128×128 PNG', () => {
  const png = fs.readFileSync(path.join(root, pkg.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});

test('walkthrough: five steps with existing media, command links to contributed commands', () => {
  const [walk] = contributes.walkthroughs as Json[];
  assert.equal(walk.id, 'xxgk.start');
  assert.equal(walk.steps.length, 5);
  const ids = (contributes.commands as Json[]).map((c) => c.command);
  for (const step of walk.steps as Json[]) {
    assert.ok(fs.existsSync(path.join(root, step.media.markdown)), step.media.markdown);
    for (const lang of Object.values(nls)) {
      const description: string = lang[step.description.slice(1, -1)];
      for (const [, id] of description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(ids.includes(id), `${step.id}: ${id}`);
    }
    for (const event of step.completionEvents ?? []) assert.match(event, /^onCommand:/);
  }
  // VS Code cuts the walkthrough's description after three lines of a narrow column, so it stays
  // within 90 columns (a CJK character takes two); step descriptions stay short too.
  const columns = (text: string) => [...text].reduce((n, c) => n + (/[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  const prose = (text: string) => text.split('\n').filter((l) => !/^\[[^\]]+\]\(command:[\w.]+\)$/.test(l)).join(' ');
  for (const [lang, table] of Object.entries(nls)) {
    assert.ok(columns(table[walk.description.slice(1, -1)]) <= 90, `${lang} walkthrough description too long`);
    for (const step of walk.steps as Json[]) assert.ok(columns(prose(table[step.description.slice(1, -1)])) <= 200, `${lang} ${step.id} too long`);
  }
  const create = (walk.steps as Json[]).find((s) => s.id === 'xxgk.start.create');
  assert.match(nls.en[create?.description.slice(1, -1)], /\(command:xxgk\.newReport\)/);
});

/** The rule of `name` in the grammar's repository, and a JS version of an Oniguruma pattern. */
const committedGrammar = (): Json => readJson(GRAMMAR_FILE);
// The grammar avoids Oniguruma-only syntax, except back-references from `end` to `begin`.
const js = (source: string) => new RegExp(source.replace(/\\(\d)/g, ''));

test('grammar: generated from the format definitions, valid JSON, every pattern compiles', () => {
  assert.equal(read(GRAMMAR_FILE), grammarText(), `${GRAMMAR_FILE} is stale: run \`npm run grammar\``);
  const g = committedGrammar();
  assert.equal(g.scopeName, SCOPE_NAME);
  let count = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'match' || k === 'begin' || k === 'end') && typeof v === 'string') {
        assert.doesNotThrow(() => js(v), `${k}: ${v}`);
        count++;
      } else walk(v);
    }
  };
  walk(g);
  assert.ok(count > 20, `${count} patterns`);
  // Includes point at repository entries that exist.
  for (const s of strings(g).filter((s) => s.at.endsWith('.include'))) assert.ok(s.value.slice(1) in g.repository, s.value);
  assert.ok(partKeys().includes('依申请公开') && cellOnlyKeys().includes('自然人') && !cellOnlyKeys().includes(TOTAL_KEY));
});

test('grammar: 总计 keys, part keys, blank cells, numbers and full-width digits get their scopes', () => {
  const r = committedGrammar().repository;
  const [partRule, totalRule] = r['key-name'].patterns as Json[];
  assert.match(totalRule.name, /total/);
  /** Runs a key rule on a line; the key-name patterns see the line up to the end of the key, as in TextMate. */
  const keyScopes = (rule: Json, line: string, group: number): string[] => {
    const m = js(rule.match).exec(line);
    assert.ok(m, `${rule.match} on ${line}`);
    const upTo = line.slice(0, m.index + m[0].lastIndexOf(m[group]) + m[group].length);
    return [partRule, totalRule].filter((p) => js(p.match).test(upTo)).map((p) => p.name);
  };
  assert.deepEqual(keyScopes(r['block-key'], '    总计:', 3), [totalRule.name]);
  assert.deepEqual(keyScopes(r['block-key'], '依申请公开:', 3), [partRule.name]);
  assert.deepEqual(keyScopes(r['block-key'], '  本年新收: {自然人: 1}', 3), []);
  const [flowBlank, flowKey] = r['flow-mapping'].patterns as Json[];
  const row = '{自然人: 1, 总计: 1}';
  assert.deepEqual([...row.matchAll(new RegExp(js(flowKey.match).source, 'g'))].map((m) => m[1]), ['自然人', TOTAL_KEY]);
  const endOf = (key: string) => row.indexOf(key) + key.length;
  assert.ok(js(totalRule.match).test(row.slice(0, endOf(TOTAL_KEY))), '总计 inside {…} is bold');
  assert.ok(!js(totalRule.match).test(row.slice(0, endOf('自然人'))));
  // Blank cells: `key: ,` / `key: }` in a row, `key:` alone on a line in block style.
  assert.match(flowBlank.captures[1].name, /invalid\.deprecated\.blank-cell/);
  assert.equal(js(flowBlank.match).exec('商业企业: , 其他: 0}')?.[1], '商业企业');
  assert.equal(js(flowBlank.match).exec('总计: }')?.[1], '总计');
  assert.equal(js(flowBlank.match).exec('总计: 3}'), null);
  assert.equal(js(r['blank-block-cell'].match).exec('      自然人:')?.[3], '自然人');
  assert.equal(js(r['blank-block-cell'].match).exec('      自然人: 3'), null);
  assert.equal(js(r['blank-block-cell'].match).exec('    总计:'), null, '总计: alone may be a row');
  // Numbers are ASCII digits only; full-width digits are marked instead.
  const [float, integer] = r.number.patterns as Json[];
  assert.ok(js(integer.match).test(' 12}') && js(float.match).test(' 12.5,'));
  assert.ok(!js(integer.match).test(' １２}'));
  assert.ok(js(r.fullwidth.match).test(' １２}'));
  // A block scalar ends at a line indented no deeper than its key.
  const begin = js(r['block-scalar'].begin).exec('  正文: |');
  assert.ok(begin);
  const end = new RegExp(r['block-scalar'].end.replace('\\1', begin[1]), 'm');
  assert.ok(!end.test('    text') && end.test('  标题: x') && !end.test(''));
});

const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

test('the .vsix holds only the manifest, docs, bundles and assets (vsce ls)', { skip: !fs.existsSync(path.join(root, 'dist', 'client.js')) && 'run npm run build first' }, () => {
  const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const bad = files.filter((f) => /\.ts$|\.map$/.test(f) || /^(test|node_modules|client|server|scripts|out|docs|examples|\.ci|e2e|bin)\//.test(f) || f.includes('node_modules/'));
  assert.deepEqual(bad, []);
  const needed = [
    'package.json',
    'package.nls.json',
    'package.nls.zh-cn.json',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'l10n/bundle.l10n.zh-cn.json',
    'language-configuration.json',
    GRAMMAR_FILE,
    'schemas/report-2021.schema.json',
    'dist/client.js',
    'dist/server.js',
    pkg.icon,
    ...(contributes.walkthroughs[0].steps as Json[]).map((s) => s.media.markdown),
    ...Object.values(contributes.languages[0].icon as Record<string, string>).map((p) => p.replace(/^\.\//, '')),
    ...(contributes.yamlValidation as Json[]).map((v) => v.url.replace(/^\.\//, '')),
  ];
  if (fs.existsSync(path.join(root, 'client/src/webview/main.ts'))) needed.push('media/preview.js');
  for (const f of needed) assert.ok(files.includes(f), `${f} is not packaged`);
  // The CLI ships with the extension: the Review All Reports command runs `xxgk review` in its own process.
  for (const f of ['dist/cli.js', 'dist/cliWorker.js']) assert.ok(files.includes(f), `${f} is packaged`);
});

test('editor defaults for the report language: suggestions in plain scalars, no boxes around Chinese punctuation', () => {
  // A bare word on a new line is a YAML string: without `strings` the completion waits for Ctrl+Space.
  const defaults: Json = contributes.configurationDefaults?.[`[${LANGUAGE_ID}]`];
  assert.ok(defaults, 'configurationDefaults for the language');
  assert.equal(defaults['editor.quickSuggestions']?.strings, 'on');
  assert.equal(defaults['editor.quickSuggestions']?.other, 'on');
  // ，（）： in the prose are ambiguous characters to VS Code; the fullwidth rule catches them where ASCII is needed.
  assert.equal(defaults['editor.unicodeHighlight.ambiguousCharacters'], false);
  assert.ok(RULE_CODES.includes('fullwidth'));
  // Only editor settings scoped to the language: nothing changes other files.
  assert.deepEqual(Object.keys(contributes.configurationDefaults), [`[${LANGUAGE_ID}]`]);
  for (const key of Object.keys(defaults)) assert.match(key, /^editor\./);
});

test('word pattern: pinyin typed before a Chinese key is a word of its own, so suggestions open by themselves', () => {
  // VS Code opens suggestions while typing only at the end of the word at the cursor (or after its
  // first letter): with zrr商业企业 as one word, fast typing never opened them.
  const [lang] = contributes.languages as Json[];
  const config = readJson(lang.configuration);
  const words = (text: string) => [...text.matchAll(new RegExp(config.wordPattern, 'g'))].map((m) => m[0]);
  assert.deepEqual(words('  上年结转: {zrr商业企业: 0, 总计: 12.5}'), ['上年结转', 'zrr', '商业企业', '0', '总计', '12.5']);
  assert.deepEqual(words('bnxs'), ['bnxs']);
  assert.deepEqual(words('# row-total，见'), ['row-total', '见']);
});

test('one language at a time: English strings carry no Chinese but official terms, Chinese strings no English words but names', () => {
  // Official terms name cells and parts inside English text; they are the format's keys and labels.
  const terms = new Set<string>(['政府信息公开工作年度报告', '自然人', '年报', '上年结转', '现行有效', '结转下年度', '总计', '机关', '年度', '昆都仑区白云路街道办事处', '简体中文']);
  const cjk = /[\u3400-\u9fff]+/g;
  const foreignIn = (text: string) => [...text.matchAll(cjk)].map((m) => m[0]).filter((w) => !terms.has(w));
  const l10nZh: Record<string, string> = readJson('l10n/bundle.l10n.zh-cn.json');
  const english = [...Object.entries(nls.en), ...Object.keys(l10nZh).map((k) => [k, k] as [string, string])];
  for (const [key, text] of english) assert.deepEqual(foreignIn(text), [], `English ${key}: ${text}`);
  // Names that stay as they are in Chinese text: products, formats, keys, placeholders.
  const names = /^(XXGK|xxgk|HTML|YAML|Word|WPS|LibreOffice|docx|yaml|yml|html|htm|txt|PDF|JSON|SARIF|VS|Code|Ctrl|macOS|GB|T|Noto|CJK|zrr|command|http|https|Enter|Space|Shift|K|V|auto|zh|CN|en|error|warning|info|off|paper|theme|messages|verbose|Uri|Copy|Open|LSP|CLI|id|URL|OK|English|docs|Node\.js|[a-z]+\.[\w.]+)$/;
  const wordsIn = (text: string) => [...text.replace(/\]\([^)]*\)|\(command:[^)]*\)|`[^`]*`|\{\d+\}/g, '').matchAll(/[A-Za-z]+(?:\.[\w.]+)?/g)].map((m) => m[0]).filter((w) => !names.test(w));
  const chinese = [...Object.entries(nls['zh-cn']), ...Object.entries(l10nZh)];
  for (const [key, text] of chinese) assert.deepEqual(wordsIn(text), [], `Chinese ${key}: ${text}`);
  // The walkthrough pages are samples in the report's own language, with no English or Chinese prose,
  // no raw $(icon) syntax, setting ids or shell lines: the localised step descriptions say the rest.
  for (const step of contributes.walkthroughs[0].steps as Json[]) {
    const page = read(step.media.markdown);
    assert.doesNotMatch(page, /\$\([a-z-]+\)|xxgk\.[a-z]|npx |^#+ /m, step.media.markdown);
    assert.doesNotMatch(page.replace(/`[^`]*`/g, ''), /\b[A-Za-z]{4,}\b(?![^\n]*row-total)/, step.media.markdown);
  }
  // The create sample is what New Report writes: no 总计 cells, 机关 without quotes.
  const sample = read('media/walkthrough/create.md');
  assert.doesNotMatch(sample, /总计|机关: '/);
  // Its lines appear, in order, in what New Report writes for the same body and year.
  const written = newReportText('昆都仑区白云路街道办事处', 2024).text.split('\n').map((l) => l.trimEnd());
  let at = 0;
  for (const line of sample.split('\n').filter((l) => !l.startsWith('```'))) {
    const found = written.indexOf(line.trimEnd(), at);
    assert.ok(found >= 0, `create.md line not written by New Report (in this order): ${line}`);
    at = found + 1;
  }
});
