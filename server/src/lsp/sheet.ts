/**
 * The table-editing requests: `xxgk/editCells` (the preview's grid) and `xxgk/pasteCells` (a block
 * pasted in the editor). Both answer with a WorkspaceEdit the client applies as one undo step; the
 * engine never writes the file itself.
 */
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis } from '../engine';
import { editCells } from '../engine';
import type { CellChange } from '../engine';
import { pasteCells } from '../engine';
import { editRefusalText, refusalText } from '../engine';
import type { EditRefusal } from '../engine';
import type { HandlerDeps } from './deps';
import { EditCellsRequest, PasteCellsRequest } from '../shared/protocol';
import type { PasteCellsResult } from '../shared/protocol';

/**
 * Why no edit is computed for this request: the client's text is older than the server's, or the
 * file has YAML errors (its spans may not be where the values are).
 */
function notNow(a: Analysis, version: unknown, current: number): EditRefusal | undefined {
  if (version !== current) return { kind: 'stale' };
  if (a.result.diagnostics.some((d) => d.code === 'yaml-syntax')) return { kind: 'yaml' };
  return undefined;
}

/** Params from the wire, checked: a malformed change is a refusal, never an exception. */
function readChanges(raw: unknown): CellChange[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: CellChange[] = [];
  for (const c of raw as unknown[]) {
    if (typeof c !== 'object' || c === null) return undefined;
    const { path, value } = c as { path?: unknown; value?: unknown };
    if (typeof path !== 'string' || !(value === null || typeof value === 'number')) return undefined;
    out.push({ path, value });
  }
  return out;
}

function refuse(a: Analysis, r: EditRefusal): ResponseError<void> {
  return new ResponseError<void>(r.kind === 'stale' ? LSPErrorCodes.ContentModified : ErrorCodes.InvalidParams, editRefusalText(r, a.t.locale));
}

export function registerSheetRequests(deps: HandlerDeps): void {
  const { connection, documents, store } = deps;
  const fail = (name: string, e: unknown) => {
    connection.console.error(`xxgk: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return new ResponseError<void>(ErrorCodes.InternalError, `${name} failed`);
  };

  connection.onRequest(EditCellsRequest.type, async (p): Promise<WorkspaceEdit | null | ResponseError<void>> => {
    try {
      await deps.ready;
      const doc = typeof p?.uri === 'string' ? documents.get(p.uri) : undefined;
      if (!doc) return null;
      const a = store.get(doc);
      const not = notNow(a, p.version, doc.version);
      if (not) return refuse(a, not);
      const changes = readChanges(p.cells);
      if (!changes) return new ResponseError<void>(ErrorCodes.InvalidParams, 'cells: expected [{ path: string, value: number | null }]');
      const outcome = editCells(a.result.report, changes);
      if ('refused' in outcome) return refuse(a, outcome.refused);
      return { changes: { [doc.uri]: outcome.edits } };
    } catch (e) {
      return fail('editCells', e);
    }
  });

  connection.onRequest(PasteCellsRequest.type, async (p): Promise<PasteCellsResult | null | ResponseError<void>> => {
    try {
      await deps.ready;
      const doc = typeof p?.uri === 'string' ? documents.get(p.uri) : undefined;
      if (!doc || typeof p.text !== 'string' || typeof p.position?.line !== 'number') return null;
      const a = store.get(doc);
      const not = notNow(a, p.version, doc.version);
      if (not) return { refused: editRefusalText(not, a.t.locale) };
      const placed = pasteCells(a.result.report, p.position.line, p.text);
      if (!placed) return null;
      if ('refused' in placed) return { refused: refusalText(placed.refused, a.t.locale) };
      const outcome = editCells(a.result.report, placed.changes);
      if ('refused' in outcome) return { refused: editRefusalText(outcome.refused, a.t.locale) };
      return { edit: { changes: { [doc.uri]: outcome.edits } } };
    } catch (e) {
      return fail('pasteCells', e);
    }
  });
}
