/**
 * `xxgk.exportHtml`: the report as a standalone HTML page (the same page as `xxgk render`), from
 * the editor's current text, saved wherever the user chooses.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ExportHtmlRequest } from '../../../server/src/lsp/protocol';
import { exportReport, openExternally } from './exportReport';

export function exportHtml(client: BaseLanguageClient, resource?: unknown, to?: unknown): Promise<vscode.Uri | undefined> {
  return exportReport(
    client,
    {
      title: vscode.l10n.t('Export Report as HTML'),
      extension: '.html',
      filters: { HTML: ['html', 'htm'] },
      produce: async (c, uri) => {
        const result = await c.sendRequest(ExportHtmlRequest.type, { uri });
        return result && new TextEncoder().encode(result.html);
      },
      doneMessage: (name, errors) =>
        errors
          ? vscode.l10n.t('Exported {0}. Errors left in the report: {1}; they are marked in the page.', name, errors)
          : vscode.l10n.t('Exported {0}.', name),
      // A browser shows the page as published; remotely, the editor shows the file.
      open: (target) => openExternally(target, true),
    },
    resource,
    to,
  );
}
