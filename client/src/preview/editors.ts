/**
 * Small vscode helpers of the preview: URIs, the editors showing a document, their top line.
 */
import * as vscode from 'vscode';
import { topLine } from './sync';

export const sameUri = (a: vscode.Uri, b: vscode.Uri): boolean => a.toString() === b.toString();

export const basename = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Editors currently showing `uri`. */
export function editorsOf(uri: vscode.Uri): vscode.TextEditor[] {
  return vscode.window.visibleTextEditors.filter((e) => sameUri(e.document.uri, uri));
}

/** The fractional source line at the top of an editor. */
export function editorTopLine(editor: vscode.TextEditor): number | undefined {
  const start = editor.visibleRanges[0]?.start;
  if (!start) return undefined;
  return topLine(start.line, start.character, editor.document.lineAt(start.line).text.length);
}
