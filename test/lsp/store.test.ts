/** The analysis cache: one check per document version, bounded in size. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisStore, MAX_CACHED_ANALYSES } from '../../server/src/lsp/store';
import { fixture } from '../helpers';

const text = fixture('engine', 'base.xxgk.yaml');
const docs = Array.from({ length: MAX_CACHED_ANALYSES + 4 }, (_, i) => TextDocument.create(`file:///r${i}.xxgk.yaml`, 'xxgk-report', 1, text));

test('the same version is analysed once and shared', () => {
  const store = new AnalysisStore(() => ({ locale: 'zh-CN' }));
  assert.equal(store.get(docs[0]), store.get(docs[0]));
  const before = store.get(docs[0]);
  const next = TextDocument.create(docs[0].uri, 'xxgk-report', 2, text + '\n');
  assert.notEqual(store.get(next), before, 'a new version is analysed again');
});

test('only the most recently used analyses are kept', () => {
  const store = new AnalysisStore(() => ({ locale: 'zh-CN' }));
  const first = docs.map((d) => store.get(d));
  const recent = docs.slice(-MAX_CACHED_ANALYSES);
  recent.forEach((d) => assert.equal(store.get(d), first[docs.indexOf(d)], 'recent ones are cached'));
  assert.notEqual(store.get(docs[0]), first[0], 'the least recently used one was dropped and is recomputed');
});
