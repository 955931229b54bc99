/** The bundled language server over stdio, driven by a real protocol client. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../../server/src/engine/check';
import { allNodes, defaultFormat } from '../../server/src/engine/format';
import type { PreviewResponse } from '../../server/src/shared/protocol';
import { fixture, prng, root } from '../helpers';
import { LANGUAGE_ID, LspClient, SERVER } from './client';
import type { StartOptions } from './client';

const BASE = fixture('lsp', 'base.xxgk.yaml');
const WRONG = fixture('lsp', 'wrong-total.xxgk.yaml');
const URI = 'file:///tmp/xxgk-test/report.xxgk.yaml';
const WRONG_LINE = '尚未审结: 1, 总计: 3}';
const FIXED_LINE = '尚未审结: 1, 总计: 2}';

/** Runs `body` with a fresh server; always stops it. */
async function withServer(options: StartOptions, body: (c: LspClient) => Promise<void>): Promise<void> {
  const c = await LspClient.start(options);
  try {
    await body(c);
  } finally {
    await c.stop();
  }
}

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
/** LSP 3.18 allows markup messages; this server sends plain text. */
const msg = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const byCode = (ds: Diagnostic[], code: string) => {
  const d = ds.find((x) => x.code === code);
  assert.ok(d, `no ${code} in ${JSON.stringify(codes(ds))}`);
  return d;
};

test('initialize: incremental sync and the advertised features', async () => {
  await withServer({}, async (c) => {
    const caps = c.initializeResult?.capabilities;
    assert.ok(caps);
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    const triggers = caps.completionProvider?.triggerCharacters ?? [];
    for (const ch of [':', ' ', '本', '总', '计']) assert.ok(triggers.includes(ch), ch);
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll'], resolveProvider: false });
    for (const k of ['hoverProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'codeLensProvider', 'inlayHintProvider'] as const) {
      assert.ok(caps[k], k);
    }
    assert.equal(c.initializeResult?.serverInfo?.name, 'xxgk-report');
  });
});

test('open: diagnostics with codes, ranges, source, docs link, related information and data', async () => {
  await withServer({}, async (c) => {
    await c.open(URI, WRONG);
    const { diagnostics, version } = await c.diagnostics(URI, 1);
    assert.equal(version, 1);
    assert.deepEqual(codes(diagnostics), ['prose-number', 'appeal-total']);
    const d = byCode(diagnostics, 'appeal-total');
    assert.deepEqual(d.range, { start: { line: 48, character: 49 }, end: { line: 48, character: 50 } });
    assert.equal(d.severity, 1);
    assert.equal(d.source, 'xxgk');
    // The rules document shipped beside the server, opened at the rule's heading (works offline, no web page).
    const rulesLine = fs.readFileSync(path.join(root, 'docs', 'rules.md'), 'utf8').split('\n').indexOf('## appeal-total') + 1;
    assert.ok(rulesLine > 1);
    assert.equal(d.codeDescription?.href, `${pathToFileURL(path.join(root, 'dist', 'rules.md')).href}#L${rulesLine}`);
    assert.equal(fs.readFileSync(path.join(root, 'dist', 'rules.md'), 'utf8'), fs.readFileSync(path.join(root, 'docs', 'rules.md'), 'utf8'));
    assert.match(msg(d), /「行政复议·总计」 填写 3/);
    // A row total's terms are in its own row, which the message names: no related rows repeat them.
    assert.deepEqual(d.relatedInformation ?? [], []);
    assert.deepEqual(d.data, { written: 3, computed: 2, difference: 1 });
    assert.equal(byCode(diagnostics, 'prose-number').severity, 2);

    const clean = 'file:///tmp/xxgk-test/clean.xxgk.yaml';
    await c.open(clean, BASE, 7);
    assert.deepEqual((await c.diagnostics(clean, 7)).diagnostics, []);
  });
});

test('incremental edits update the diagnostics; close clears them', async () => {
  await withServer({}, async (c) => {
    await c.open(URI, WRONG);
    assert.equal((await c.diagnostics(URI, 1)).diagnostics.length, 2);
    const fixed = await c.replace(URI, WRONG_LINE, FIXED_LINE);
    assert.deepEqual((await c.diagnostics(URI, fixed)).diagnostics, []);
    // Break it again with a one-character edit inside the number.
    const at = c.text(URI).indexOf(FIXED_LINE) + FIXED_LINE.length - 2;
    const broken = await c.edit(URI, at, at + 1, '5');
    assert.deepEqual(codes((await c.diagnostics(URI, broken)).diagnostics), ['prose-number', 'appeal-total']);
    // Several quick edits are coalesced: the last version is published, not every one.
    const before = c.publishCount(URI);
    let last = broken;
    for (const ch of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '2']) last = await c.edit(URI, at, at + 1, ch);
    assert.deepEqual((await c.diagnostics(URI, last)).diagnostics, []);
    assert.ok(c.publishCount(URI) - before < 10, `${c.publishCount(URI) - before} publishes for 10 quick edits`);

    const cleared = c.nextDiagnostics(URI);
    await c.close(URI);
    const p = await cleared;
    assert.deepEqual(p.diagnostics, []);
    assert.equal(p.version, undefined);
  });
});

test('locale: en from initializationOptions, from the client locale (auto) and from configuration', async () => {
  const english = /「行政复议·总计」 is 3 but the sum/;
  await withServer({ initializationOptions: { locale: 'en' } }, async (c) => {
    await c.open(URI, WRONG);
    assert.match(msg(byCode((await c.diagnostics(URI, 1)).diagnostics, 'appeal-total')), english);
  });
  await withServer({ locale: 'en-US' }, async (c) => {
    await c.open(URI, WRONG);
    assert.match(msg(byCode((await c.diagnostics(URI, 1)).diagnostics, 'appeal-total')), english);
  });
  await withServer({ locale: 'en', settings: { locale: 'zh-CN' } }, async (c) => {
    await c.open(URI, WRONG);
    assert.match(msg(byCode((await c.diagnostics(URI, 1)).diagnostics, 'appeal-total')), /填写 3/);
    const next = c.nextDiagnostics(URI);
    await c.configure({ locale: 'en' });
    assert.match(msg(byCode((await next).diagnostics, 'appeal-total')), english);
  });
});

test('rules setting: off drops a code, a severity overrides; re-applied on didChangeConfiguration', async () => {
  await withServer({ settings: { rules: { 'appeal-total': 'off', 'prose-number': 'info' } } }, async (c) => {
    await c.open(URI, WRONG);
    const { diagnostics } = await c.diagnostics(URI, 1);
    assert.deepEqual(codes(diagnostics), ['prose-number']);
    assert.equal(diagnostics[0].severity, 3);
    const next = c.nextDiagnostics(URI);
    await c.configure({ rules: { 'prose-number': 'off' } });
    assert.deepEqual(codes((await next).diagnostics), ['appeal-total']);
  });
  // Without configuration support: initializationOptions (nested under xxgk) and pushed settings.
  await withServer({ initializationOptions: { xxgk: { rules: { 'prose-number': 'off' } } } }, async (c) => {
    await c.open(URI, WRONG);
    assert.deepEqual(codes((await c.diagnostics(URI, 1)).diagnostics), ['appeal-total']);
    const next = c.nextDiagnostics(URI);
    await c.configure({ rules: { 'appeal-total': 'off' } });
    assert.deepEqual(codes((await next).diagnostics), ['prose-number']);
  });
});

test('xxgk/preview returns the rendered tables, the version and the source map', async () => {
  await withServer({}, async (c) => {
    await c.open(URI, WRONG, 3);
    const r = await c.request<PreviewResponse | null>('xxgk/preview', { uri: URI });
    assert.ok(r);
    assert.equal(r.version, 3);
    assert.match(r.html, /<table/);
    assert.match(r.html, /行政复议/);
    assert.match(r.html, /data-line="48"/);
    assert.deepEqual(r.map.cells['复议诉讼/行政复议/总计'], { start: { line: 48, character: 49 }, end: { line: 48, character: 50 } });
    assert.ok(r.map.blocks.some((b) => b.line === 48), 'the row of 行政复议 is a scroll-sync block');
    assert.equal(await c.request('xxgk/preview', { uri: 'file:///not/open.xxgk.yaml' }), null);
  });
});

test('documentSymbol and foldingRange follow the written keys', async () => {
  await withServer({}, async (c) => {
    await c.open(URI, BASE);
    const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    const names = symbols.map((s) => s.name);
    for (const n of ['年度', '主动公开', '依申请公开', '复议诉讼', '其他事项']) assert.ok(names.includes(n), n);
    const appeals = symbols.find((s) => s.name === '复议诉讼');
    assert.equal(appeals?.range.start.line, 47);
    assert.ok(appeals?.children?.some((s) => s.name === '行政复议'));
    const folds = await c.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: URI } });
    assert.ok(folds.some((f) => f.startLine === 47 && f.endLine >= 51), JSON.stringify(folds));
  });
});

test('a handler that throws is logged and answered with an empty result; the server keeps serving', async () => {
  await withServer({}, async (c) => {
    await c.open(URI, WRONG);
    const broken = { textDocument: { uri: URI }, position: null, range: null, context: null };
    assert.equal(await c.request('textDocument/hover', broken), null);
    assert.deepEqual(await c.request('textDocument/completion', broken), []);
    assert.deepEqual(await c.request('textDocument/codeAction', broken), []);
    assert.deepEqual(await c.request('textDocument/documentSymbol', {}), []);
    assert.equal(await c.request('xxgk/preview', {}), null);
    assert.ok(c.logs.some((l) => /^xxgk: hover failed: TypeError/.test(l)), c.logs.join('\n'));
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri: 'file:///not/open.xxgk.yaml' }, position: { line: 0, character: 0 } }), null);
    assert.ok(c.alive);
    assert.equal((await c.diagnostics(URI, 1)).diagnostics.length, 2);
  });
});

test('--node-ipc transport', async () => {
  const proc = fork(SERVER, ['--node-ipc'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const conn = createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
  conn.listen();
  try {
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => conn.onNotification(PublishDiagnosticsNotification.type, resolve));
    const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(init.serverInfo?.name, 'xxgk-report');
    await conn.sendNotification(InitializedNotification.type, {});
    await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: LANGUAGE_ID, version: 1, text: WRONG } });
    assert.deepEqual(codes((await diagnostics).diagnostics), ['prose-number', 'appeal-total']);
    await conn.sendRequest(ShutdownRequest.type);
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    await conn.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
  } finally {
    conn.dispose();
    if (proc.exitCode === null) proc.kill();
  }
});

test('completion offers the parts not yet written', async () => {
  await withServer({}, async (c) => {
    const text = BASE.replace(/问题与改进: \|\n.*\n/, '') + '\n';
    await c.open(URI, text);
    const line = text.split('\n').length - 1;
    const items = await c.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: { line, character: 0 } });
    const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
    assert.ok(labels.includes('问题与改进'), JSON.stringify(labels));
    assert.ok(!labels.includes('主动公开'), 'a part already written is not offered again');
  });
});

test('hover on a wrong total explains its computation', async () => {
  await withServer({}, async (c) => {
    await c.open(URI, WRONG);
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 48, character: 49 } });
    assert.ok(h, 'a hover on 行政复议·总计');
    const value = typeof h.contents === 'string' ? h.contents : Array.isArray(h.contents) ? h.contents.map((x) => (typeof x === 'string' ? x : x.value)).join('\n') : h.contents.value;
    assert.match(value, /行政复议/);
    assert.match(value, /= 2/, value);
    assert.deepEqual(h.range, { start: { line: 48, character: 49 }, end: { line: 48, character: 50 } });
  });
});

test('codeAction: the quick fix for a wrong total, and source.fixAll; applying it clears the diagnostics', async () => {
  await withServer({}, async (c) => {
    await c.open(URI, WRONG);
    const d = byCode((await c.diagnostics(URI, 1)).diagnostics, 'appeal-total');
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const edits = fix.edit?.changes?.[URI] ?? [];
    assert.deepEqual(edits, [{ range: d.range, newText: '2' }]);
    const all = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.ok(all.some((a) => a.kind === 'source.fixAll' && (a.edit?.changes?.[URI]?.length ?? 0) > 0));
    const doc = TextDocument.create(URI, 'xxgk-report', 1, c.text(URI));
    const v = await c.edit(URI, doc.offsetAt(edits[0].range.start), doc.offsetAt(edits[0].range.end), edits[0].newText);
    assert.deepEqual((await c.diagnostics(URI, v)).diagnostics, []);
  });
});

test('inlayHint shows what a wrong total should be; the setting turns hints off', async () => {
  const all = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
  await withServer({}, async (c) => {
    await c.open(URI, WRONG);
    const hints = await c.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: URI }, range: all });
    const h = hints.find((x) => x.position.line === 48);
    assert.ok(h, JSON.stringify(hints));
    assert.deepEqual(h.position, { line: 48, character: 50 });
    assert.match(typeof h.label === 'string' ? h.label : h.label.map((l) => l.value).join(''), /2/);
  });
  await withServer({ initializationOptions: { inlayHints: { enabled: false } } }, async (c) => {
    await c.open(URI, WRONG);
    assert.deepEqual(await c.request('textDocument/inlayHint', { textDocument: { uri: URI }, range: all }), []);
  });
});

// ---------------------------------------------------------------------------------------------
// Robustness: random edits as a user makes them, mid-word and mid-structure.


const KEYS = [...new Set(allNodes(defaultFormat).map((l) => l.node.key))];
const BROKEN = ['{', '}', '[', ']', ': :', '- ', '\t', '"', "'", '&a ', '*a', '!!binary ', '? ', '|', '>-', '\n  - ', '\n:', '#', '---\n', '...\n', '%YAML 1.2\n', '<<: *x', ',', ': {', '\n    ', '\r\n'];
const FULLWIDTH = ['：', '１２３', '　', '，', '－', '（一）', '＃', '０', '｛', '｝', '１'];
const GARBAGE = 'abcXYZ0123456789 :,-{}[]#&*!|>\'"\\\t\n\r本年新收总计自然人，。、（）“”😀𠮷\u00a0\u200b\ufeff';

function randomEdit(text: string, rnd: () => number): [number, number, string] {
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)];
  // Never split a surrogate pair: editors do not.
  const safe = (o: number) => (o > 0 && o < text.length && /[\udc00-\udfff]/.test(text[o]) ? o - 1 : o);
  const at = safe(int(text.length + 1));
  if (text.length > 12_000) return [at, safe(Math.min(text.length, at + 2000)), ''];
  // Now and then the whole file is pasted over, so rules see valid reports again.
  if (rnd() < 0.04) return [0, text.length, pick([BASE, WRONG])];
  switch (int(7)) {
    case 0: {
      const key = pick(KEYS);
      const half = key.slice(0, 1 + int(key.length));
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      return rnd() < 0.5 ? [lineStart, lineStart, ' '.repeat(int(3) * 2) + half + pick(['', ':', ': ', ': 1', '\n'])] : [at, at, half];
    }
    case 1:
      return [at, safe(Math.min(text.length, at + 1 + int(20))), ''];
    case 2:
      return [at, at, pick(BROKEN)];
    case 3:
      return [at, at, pick(FULLWIDTH)];
    case 4: {
      let s = '';
      const chars = [...GARBAGE];
      for (let i = int(80); i >= 0; i--) s += pick(chars);
      return [at, at, s];
    }
    case 5: {
      const m = /\d+/.exec(text.slice(at));
      if (!m) return [at, at, String(int(100))];
      return [at + m.index, at + m.index + m[0].length, String(int(20))];
    }
    default: {
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const lineEnd = text.indexOf('\n', at);
      return [lineStart, lineEnd === -1 ? text.length : lineEnd + 1, ''];
    }
  }
}

const essence = (ds: { code?: string | number; range: Diagnostic['range']; message: Diagnostic['message'] }[]) =>
  ds.map((d) => ({ code: d.code, range: d.range, message: d.message }));

test('robustness: 300 random incremental edits never crash the server; final diagnostics match check()', async (t) => {
  const seed = Number(process.env.XXGK_SEED ?? 20231);
  const rnd = prng(seed);
  await withServer({}, async (c) => {
    await c.open(URI, BASE);
    for (let i = 0; i < 300; i++) {
      const text = c.text(URI);
      const [start, end, insert] = randomEdit(text, rnd);
      await c.edit(URI, start, end, insert);
      if (i % 60 === 59) {
        const { diagnostics } = await c.diagnostics(URI, c.version(URI));
        assert.deepEqual(essence(diagnostics), essence(check(c.text(URI)).diagnostics), `seed ${seed}, edit ${i}`);
      }
      if (i % 20 === 19) {
        // Requests between edits exercise every feature on broken intermediate text.
        const uri = { textDocument: { uri: URI } };
        const doc = c.text(URI);
        const off = Math.floor(rnd() * (doc.length + 1));
        const line = doc.slice(0, off).split('\n').length - 1;
        const position = { line, character: off - (doc.lastIndexOf('\n', off - 1) + 1) };
        const range = { start: { line: 0, character: 0 }, end: position };
        await Promise.all([
          c.request('textDocument/completion', { ...uri, position }),
          c.request('textDocument/hover', { ...uri, position }),
          c.request('textDocument/codeAction', { ...uri, range, context: { diagnostics: [] } }),
          c.request('textDocument/documentSymbol', uri),
          c.request('textDocument/foldingRange', uri),
          c.request('textDocument/inlayHint', { ...uri, range }),
          c.request('textDocument/codeLens', uri),
          c.request('xxgk/preview', { uri: URI }),
        ]);
      }
    }
    const final = c.text(URI);
    const { diagnostics } = await c.diagnostics(URI, c.version(URI));
    assert.ok(c.alive, `server died (seed ${seed})`);
    assert.deepEqual(essence(diagnostics), essence(check(final).diagnostics), `seed ${seed}`);
    const tally: Record<string, number> = {};
    for (const d of diagnostics) tally[String(d.code)] = (tally[String(d.code)] ?? 0) + 1;
    t.diagnostic(`seed ${seed}: final text ${final.length} chars, diagnostics ${JSON.stringify(tally)}`);
    const symbols = await c.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.ok(Array.isArray(symbols));
    const failures = c.logs.filter((l) => /failed/.test(l));
    if (failures.length) t.diagnostic(`handlers logged ${failures.length} failure(s) (seed ${seed}):\n${failures.slice(0, 5).join('\n')}`);
  });
});
