/**
 * The live preview: three commands and the panel serializer (so previews come back after a window
 * reload; needs the activation event `onWebviewPanel:xxgk.preview`).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PreviewManager, readSettings } from './manager';
import { LANGUAGE_ID, VIEW_TYPE } from './panel';

export { VIEW_TYPE } from './panel';

/**
 * The document a command is about: the URI it was invoked on (explorer, editor title), else the
 * active xxgk-report editor, else the document of the focused preview.
 */
function targetOf(manager: PreviewManager, arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === LANGUAGE_ID) return editor.document.uri;
  return manager.activePreview?.resource;
}

export function registerPreview(context: vscode.ExtensionContext, client: BaseLanguageClient): vscode.Disposable {
  const manager = new PreviewManager({ client, mediaUri: vscode.Uri.joinPath(context.extensionUri, 'media'), settings: readSettings });

  const open = (arg: unknown, toSide: boolean): void => {
    const resource = targetOf(manager, arg);
    if (!resource) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a report (*.xxgk.yaml) to preview it.'));
      return;
    }
    // "Open Preview" takes the editor's own column (a new tab there), "to the side" the next one.
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    manager.open(resource, { column, preserveFocus: toSide });
  };

  return vscode.Disposable.from(
    manager,
    vscode.commands.registerCommand('xxgk.preview.open', (arg?: unknown) => open(arg, false)),
    vscode.commands.registerCommand('xxgk.preview.openToSide', (arg?: unknown) => open(arg, true)),
    vscode.commands.registerCommand('xxgk.preview.toggleLock', () => manager.toggleLock()),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => manager.revive(panel, state),
    }),
  );
}
