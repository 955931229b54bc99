/**
 * `xxgk.exportDocx`: the report as a Word document (the same file as `xxgk export --docx`), from
 * the editor's current text, saved wherever the user chooses.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ExportDocxRequest } from '../../../server/src/shared/protocol';
import { exportReport, openExternally } from './exportReport';
import { requestLatest } from '../preview/latest';

/** Base64 (how JSON-RPC carries the file) to bytes; `atob` keeps Node's Buffer out of the client. */
function decodeBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function exportDocx(client: BaseLanguageClient, resource?: unknown, to?: unknown): Promise<vscode.Uri | undefined> {
  return exportReport(
    client,
    {
      title: vscode.l10n.t('Export Report as Word (.docx)'),
      extension: '.docx',
      filters: { [vscode.l10n.t('Word document')]: ['docx'] },
      produce: async (c, uri) => {
        const result = await requestLatest(() => c.sendRequest(ExportDocxRequest.type, { uri }));
        return result && decodeBase64(result.data);
      },
      // Word or WPS opens it; a remote file is shown in the Explorer (VS Code cannot display a .docx).
      open: (target) => openExternally(target, false),
    },
    resource,
    to,
  );
}
