/**
 * Pasting copied table cells (Excel, WPS, a Word table: tab-separated rows) in the editor. On a
 * row key of a table, or on an empty line inside a table part, the server (`xxgk/pasteCells`)
 * turns the block into edits filling that row and the ones after it. The paste widget still
 * offers the plain paste. A block that does not fit pastes nothing and says why.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PasteCellsRequest } from '../../server/src/shared/protocol';
import { LANGUAGE_ID } from '../../server/src/shared/ids';

const KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('xxgk', 'cells');

export function registerCellPaste(client: BaseLanguageClient): vscode.Disposable {
  const provider: vscode.DocumentPasteEditProvider = {
    async provideDocumentPasteEdits(document, ranges, dataTransfer, _context, token) {
      // One cursor, nothing selected: the paste replaces no text of its own.
      if (ranges.length !== 1 || !ranges[0].isEmpty) return undefined;
      const text = await dataTransfer.get('text/plain')?.asString();
      // Only a block of cells (a tab between two cells) is ours; a single value pastes as text.
      if (!text || !text.includes('\t') || token.isCancellationRequested) return undefined;
      const result = await client.sendRequest(
        PasteCellsRequest.type,
        { uri: document.uri.toString(), version: document.version, position: { line: ranges[0].start.line, character: ranges[0].start.character }, text },
        token,
      );
      if (!result || token.isCancellationRequested) return undefined;
      if (result.refused !== undefined) {
        void vscode.window.showWarningMessage(result.refused);
        // An edit that changes nothing: the block is refused, the widget still offers plain paste.
        return [new vscode.DocumentPasteEdit('', `${vscode.l10n.t('Not pasted as cells')}: ${result.refused}`, KIND)];
      }
      if (!result.edit) return undefined;
      const edit = new vscode.DocumentPasteEdit('', vscode.l10n.t('Fill the table cells'), KIND);
      edit.additionalEdit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
      return [edit];
    },
  };
  return vscode.languages.registerDocumentPasteEditProvider({ language: LANGUAGE_ID }, provider, {
    providedPasteEditKinds: [KIND],
    pasteMimeTypes: ['text/plain'],
  });
}
