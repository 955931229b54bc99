/**
 * `xxgk/overview`: the facts the explorer's "Reports overview" shows for each report file (its
 * 机关, 年度 and error/warning counts). The client only lists files and draws the tree; the server
 * reads and checks them, as for the workspace check.
 */
import { RequestType } from 'vscode-languageserver-protocol';

export interface OverviewParams {
  uris: string[];
}

export interface OverviewItem {
  uri: string;
  agency?: string;
  year?: number;
  errors: number;
  warnings: number;
  /** The file could not be read (gone, not a file, no permission). */
  unreadable?: boolean;
}

export namespace OverviewRequest {
  export const method = 'xxgk/overview';
  export const type = new RequestType<OverviewParams, OverviewItem[], void>(method);
}
