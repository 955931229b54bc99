/**
 * Custom requests of the xxgk language server, shared with clients (the VS Code extension imports
 * this file). Standard LSP needs nothing extra.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { PreviewResult } from '../features/preview';

export type { PreviewResult } from '../features/preview';
export type { Settings, LocaleSetting, RuleSetting } from './settings';

export interface PreviewParams {
  /** An open document. */
  uri: string;
}

/** The preview of the document version named; null when the document is not open. */
export type PreviewResponse = Omit<PreviewResult, 'version'> & { version: number };

export namespace PreviewRequest {
  export const method = 'xxgk/preview';
  export const type = new RequestType<PreviewParams, PreviewResponse | null, void>(method);
}
