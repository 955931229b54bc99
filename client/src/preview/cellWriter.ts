/**
 * Writes the preview's cell edits into the document: the server computes the smallest edits
 * (`xxgk/editCells`), the editor applies them as one undo step. Edits run one after the other, so
 * a value typed while the previous one is on its way is computed against the text that has it.
 * A wrong total's quick action runs the editor's own quick fix for that total.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ResponseError } from 'vscode-languageclient';
import { ARITHMETIC_RULES } from '../../../server/src/engine';
import { EditCellsRequest } from '../../../server/src/shared/protocol';
import type { CellEdit, Range } from './messages';
import { basename, errorText } from './editors';
import { requestLatest } from './latest';

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' && d.code !== null ? d.code.value : (d.code ?? ''));

export class CellWriter {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: BaseLanguageClient,
    /** A refusal or failure, for the cell it is about. */
    private readonly refused: (path: string, message: string) => void,
  ) {}

  edit(uri: vscode.Uri, cells: CellEdit[]): Promise<void> {
    const run = this.queue.then(() => this.write(uri, cells));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(uri: vscode.Uri, cells: CellEdit[]): Promise<void> {
    const path = cells[0]?.path ?? '';
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      // The version check fails only when the text changed between reading it and the request
      // (typing in the editor meanwhile): asked again, with the newer version (`doc` is live).
      const edit = await requestLatest(() => this.client.sendRequest(EditCellsRequest.type, { uri: uri.toString(), version: doc.version, cells }));
      if (!edit) return this.refused(path, vscode.l10n.t('{0} is not open in the language server.', basename(uri)));
      const ok = await vscode.workspace.applyEdit(await this.client.protocol2CodeConverter.asWorkspaceEdit(edit));
      if (!ok) this.refused(path, vscode.l10n.t('The editor did not accept the change.'));
    } catch (e) {
      this.refused(path, e instanceof ResponseError ? e.message : errorText(e));
    }
  }

  /**
   * The preferred quick fix of the total diagnostic on the cell, applied. The code actions are
   * asked for at that diagnostic's range (the command returns them without their diagnostics, so
   * the diagnostic is found first): the same fix Ctrl+. offers there.
   */
  async fixTotal(uri: vscode.Uri, path: string, range: Range | undefined): Promise<void> {
    if (!range) return;
    try {
      const cell = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      const total = vscode.languages.getDiagnostics(uri).find((d) => ARITHMETIC_RULES.has(codeOf(d)) && d.range.intersection(cell) !== undefined);
      if (!total) return;
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, total.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      const fix = actions.find((a) => a.isPreferred && a.edit);
      if (fix?.edit) await vscode.workspace.applyEdit(fix.edit);
    } catch (e) {
      this.refused(path, errorText(e));
    }
  }
}
