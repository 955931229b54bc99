// What the GUI test needs from the extension's manifest (root package.json, with package.nls.json for %key% strings):
// the palette titles of its commands and the language's display name in the status bar.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = process.env.XXGK_E2E_ROOT || path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nlsFile = path.join(ROOT, 'package.nls.json');
const nls = fs.existsSync(nlsFile) ? JSON.parse(fs.readFileSync(nlsFile, 'utf8')) : {};
const localize = (s) => (typeof s === 'string' && /^%.+%$/.test(s) ? (typeof nls[s.slice(1, -1)] === 'string' ? nls[s.slice(1, -1)] : nls[s.slice(1, -1)]?.message) ?? s : s);

/** "Category: Title" as the command palette shows it. */
function commandTitle(id) {
  const c = (pkg.contributes?.commands ?? []).find((x) => x.command === id);
  if (!c) throw new Error(`package.json contributes no command ${id}`);
  const title = localize(c.title);
  return c.category ? `${localize(c.category)}: ${title}` : title;
}

/** The name the status bar shows for the language (its first alias, else its id). */
function languageName(id) {
  const l = (pkg.contributes?.languages ?? []).find((x) => x.id === id);
  if (!l) throw new Error(`package.json contributes no language ${id}`);
  return localize(l.aliases?.[0]) ?? id;
}

module.exports = { commandTitle, languageName };
