/**
 * `xxgk/nextYear`: next year's report from an open document's current text. The server knows the
 * file's path, so it writes 上年报告 relative to where the client will save the new file.
 */
import * as path from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CLI_TEXT, nextYear, NextYearError, nextYearFileName } from '../engine';
import type { Locale } from '../engine';
import { relativeRef } from '../engine';
import { uriPath } from './previous';
import type { NextYearParams, NextYearResult } from '../shared/protocol';
import type { AnalysisStore } from './store';

export interface NextYearDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: AnalysisStore;
  ready: Promise<void>;
}

export async function nextYearRequest(p: NextYearParams, deps: NextYearDeps): Promise<NextYearResult | ResponseError<void> | null> {
  let locale: Locale = 'zh-CN';
  try {
    await deps.ready;
    const doc = typeof p?.uri === 'string' ? deps.documents.get(p.uri) : undefined;
    if (!doc) return null;
    const analysis = deps.store.get(doc);
    const { result } = analysis;
    locale = analysis.t.locale;
    const fileName = nextYearFileName(result);
    const source = uriPath(doc.uri);
    const target = typeof p.target === 'string' ? uriPath(p.target) : undefined;
    // An untitled report has no path to point back to: 上年报告 is left out then.
    const ref = source ? (target ? relativeRef(target, source) : path.basename(source)) : undefined;
    return { text: nextYear(result, ref), fileName };
  } catch (e) {
    if (e instanceof NextYearError) return new ResponseError(ErrorCodes.InvalidParams, CLI_TEXT[locale].nextYearRefusal(e.refusal));
    deps.connection.console.error(`xxgk: nextYear failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return new ResponseError(ErrorCodes.InternalError, 'nextYear failed');
  }
}
