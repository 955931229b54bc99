/**
 * Stale work is dropped: when newer text of a document has already reached the server, diagnostics
 * are checked and published for the newest version only, and a request about the older text
 * answers ContentModified (-32801) or, when it starts after the change is applied, the newest data;
 * completion answers for the text it was asked about (VS Code filters the list as typing goes on).
 *
 * The messages of each burst are written to the server's stdin in one write under PIPE_BUF bytes, so
 * the server reads them together, as it does when a client sends faster than it handles: the point
 * is what happens to messages that have arrived but wait for their turn.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LSPErrorCodes } from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import type { PreviewResponse } from '../../server/src/shared/protocol';
import { LspClient } from './client';

const URI = 'file:///tmp/stale/a.xxgk.yaml';
/** 总计 is wrong unless it is 3: each version's diagnostics say which version they are about. */
const text = (total: number) => `格式: 2021\n年度: 2024\n机关: 测试机关\n依申请公开:\n  本年新收: {自然人: 1, 商业企业: 2, 总计: ${total}}\n`;
const PIPE_BUF = 4096;

interface Raw {
  method: string;
  params: object;
  id?: string;
}

/** One write of several framed messages; resolves the responses to those with an id. */
function burst(c: LspClient, messages: Raw[]): Map<string, Promise<{ result?: unknown; error?: { code: number; message: string } }>> {
  const frames = messages.map((m) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
  });
  const bytes = Buffer.concat(frames);
  assert.ok(bytes.length < PIPE_BUF, `${bytes.length} bytes: one atomic write`);
  // The session's connection ignores answers to ids it did not send; read them beside it, frame by
  // frame (Content-Length counts bytes; a chunk may end anywhere).
  type Answer = { result?: unknown; error?: { code: number; message: string } };
  const waiting = new Map<string, (a: Answer) => void>();
  const answers = new Map<string, Promise<Answer>>();
  for (const m of messages) {
    if (m.id !== undefined) {
      const id = m.id;
      answers.set(id, c.within(new Promise<Answer>((resolve) => waiting.set(id, resolve)), `answer ${id}`));
    }
  }
  let buffer = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const start = buffer.indexOf('Content-Length: ');
      const headerEnd = buffer.indexOf('\r\n\r\n', start);
      if (start === -1 || headerEnd === -1) return;
      const length = Number(/^Content-Length: (\d+)/.exec(buffer.subarray(start, headerEnd).toString('ascii'))?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Answer & { id?: unknown };
      buffer = buffer.subarray(headerEnd + 4 + length);
      const resolve = typeof message.id === 'string' ? waiting.get(message.id) : undefined;
      if (resolve) {
        waiting.delete(message.id as string);
        resolve(message);
        if (waiting.size === 0) c.proc.stdout.off('data', onData);
      }
    }
  };
  if (waiting.size > 0) c.proc.stdout.on('data', onData);
  c.proc.stdin.write(bytes);
  return answers;
}

const change = (version: number, total: number): Raw => ({
  method: 'textDocument/didChange',
  params: { textDocument: { uri: URI, version }, contentChanges: [{ text: text(total) }] },
});

const errorsAbout = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'row-total').length;

test('diagnostics: several changes read together are checked once, for the newest version (debounce 0)', async () => {
  const c = await LspClient.start({ settings: { validation: { debounce: 0 } } });
  try {
    const published: PublishDiagnosticsParams[] = [];
    c.onPublish((p) => p.uri === URI && published.push(p));
    burst(c, [{ method: 'textDocument/didOpen', params: { textDocument: { uri: URI, languageId: 'xxgk-report', version: 1, text: text(9) } } }]);
    assert.equal(errorsAbout(await c.diagnostics(URI, 1)), 1);
    published.length = 0;
    // Versions 2–5 wrong, 6 right: a publish of 2–5 would be work for text already replaced.
    burst(c, [change(2, 4), change(3, 5), change(4, 6), change(5, 7), change(6, 3)]);
    const last = await c.diagnostics(URI, 6);
    assert.equal(errorsAbout(last), 0);
    // Let anything late come in.
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(
      published.map((p) => p.version),
      [6],
    );
  } finally {
    await c.stop();
  }
});

test('requests about superseded text: hover, code lens, inlay hints and preview answer ContentModified or the newest data', async () => {
  const c = await LspClient.start();
  try {
    burst(c, [{ method: 'textDocument/didOpen', params: { textDocument: { uri: URI, languageId: 'xxgk-report', version: 1, text: text(9) } } }]);
    await c.diagnostics(URI, 1);
    const doc = { textDocument: { uri: URI } };
    const range = { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } };
    const position = { line: 4, character: 40 };
    const answers = burst(c, [
      { id: 'hover', method: 'textDocument/hover', params: { ...doc, position } },
      { id: 'lens', method: 'textDocument/codeLens', params: doc },
      { id: 'inlay', method: 'textDocument/inlayHint', params: { ...doc, range } },
      { id: 'preview', method: 'xxgk/preview', params: { uri: URI } },
      { id: 'completion', method: 'textDocument/completion', params: { ...doc, position: { line: 4, character: 12 } } },
      change(2, 3),
    ]);
    // Completion is the exception: VS Code filters its list while typing goes on and would not ask again.
    const completion = await answers.get('completion');
    assert.equal(completion?.error, undefined, JSON.stringify(completion).slice(0, 200));
    assert.ok(completion?.result, 'a completion list');
    for (const id of ['hover', 'lens', 'inlay']) {
      const a = await answers.get(id);
      assert.equal(a?.error?.code, LSPErrorCodes.ContentModified, `${id}: ${JSON.stringify(a).slice(0, 200)}`);
    }
    const preview = await answers.get('preview');
    if (preview?.error) assert.equal(preview.error.code, LSPErrorCodes.ContentModified);
    else assert.equal((preview?.result as PreviewResponse).version, 2, 'the preview is of the newest text');
    // Once the change is applied the same requests answer for version 2 (总计 3 is right: no error hover).
    const after = burst(c, [{ id: 'preview2', method: 'xxgk/preview', params: { uri: URI } }, { id: 'lens2', method: 'textDocument/codeLens', params: doc }]);
    assert.equal(((await after.get('preview2'))?.result as PreviewResponse).version, 2);
    assert.ok(Array.isArray((await after.get('lens2'))?.result));
    assert.equal(errorsAbout(await c.diagnostics(URI, 2)), 0);
  } finally {
    await c.stop();
  }
});

test('a malformed change does not leave the document marked stale', async () => {
  const c = await LspClient.start();
  try {
    burst(c, [{ method: 'textDocument/didOpen', params: { textDocument: { uri: URI, languageId: 'xxgk-report', version: 1, text: text(9) } } }]);
    await c.diagnostics(URI, 1);
    const answers = burst(c, [
      { method: 'textDocument/didChange', params: { textDocument: { uri: URI, version: 7 }, contentChanges: null } },
      { id: 'lens', method: 'textDocument/codeLens', params: { textDocument: { uri: URI } } },
    ]);
    const lens = await answers.get('lens');
    assert.equal(lens?.error, undefined, JSON.stringify(lens));
    assert.ok(Array.isArray(lens?.result));
  } finally {
    await c.stop();
  }
});
