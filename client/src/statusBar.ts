/**
 * Status bar item for the active report: `$(error) N to fix` with errors, `$(warning) N to finish`
 * with warnings only, `$(check) Report ready` when clean (in the display language); a click opens the Problems panel. Hidden for other editors. It only counts the
 * diagnostics VS Code already has, so it never disagrees with the squiggles.
 */
import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID } from '../../server/src/shared/ids';

export class ReportStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('xxgk.status', vscode.StatusBarAlignment.Left, 0);
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.name = vscode.l10n.t('Annual Report Check');
    this.item.command = Commands.showProblems;
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      // A language mode change reopens the document under its new id.
      vscode.workspace.onDidOpenTextDocument((doc) => doc === vscode.window.activeTextEditor?.document && this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) this.update();
      }),
    ];
    this.update();
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    let errors = 0;
    let warnings = 0;
    for (const d of vscode.languages.getDiagnostics(doc.uri)) {
      if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
    // 年报 is the name of the document kind in every UI language, like the command category.
    // VS Code's own counter sums every open file; this one is about the active report and says
    // what its state means. Warnings count too: blank cells or empty parts are not finished.
    this.item.text = errors
      ? `$(error) ${vscode.l10n.t('{0} to fix', errors)}`
      : warnings
        ? `$(warning) ${vscode.l10n.t('{0} to finish', warnings)}`
        : `$(check) ${vscode.l10n.t('Report ready')}`;
    this.item.backgroundColor = errors
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : warnings
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
    const summary = vscode.l10n.t('Errors in this report: {0}, warnings: {1}. Click to show the Problems panel.', errors, warnings);
    this.item.tooltip = summary;
    this.item.accessibilityInformation = { label: summary, role: 'button' };
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
