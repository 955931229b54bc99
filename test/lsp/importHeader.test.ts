/** The import request of the language server: the file's header names the editor's command, not the CLI. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { i18n } from '../../server/src/engine/i18n/messages';
import type { Locale } from '../../server/src/engine/i18n/messages';
import { importReportRequest } from '../../server/src/lsp/importReport';
import type { AnalysisStore } from '../../server/src/lsp/store';
import { root } from '../helpers';

const SOURCE = path.join(root, 'test', 'import', 'fixtures', 'reference', 'baiyunlu-2023-published.txt');

async function imported(locale: Locale): Promise<string> {
  // Only what the request reads: the locale of an analysis, and a console for failures.
  const store = { analyze: () => ({ t: i18n(locale) }) } as unknown as AnalysisStore;
  const connection = { console: { error: (m: string) => assert.fail(m) } } as unknown as Connection;
  const r = await importReportRequest({ uri: pathToFileURL(SOURCE).href }, { connection, store, ready: Promise.resolve() });
  assert.ok(!('code' in r), JSON.stringify(r));
  return r.text;
}

test('an import made by the VS Code command says so in its header, in the display language', async () => {
  const zh = (await imported('zh-CN')).split('\n')[0];
  assert.match(zh, /^# 由 VS Code 的“导入年报”命令 从 「baiyunlu-2023-published\.txt」 导入/);
  assert.doesNotMatch(zh, /xxgk import/);
  const en = (await imported('en')).split('\n')[0];
  assert.match(en, /^# Imported by the VS Code command Import Report from/);
});
