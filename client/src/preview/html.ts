/**
 * The webview page shell. A pure function of its inputs (no vscode import), so the CSP and the
 * markup are unit-tested without an editor.
 *
 * The paper stylesheet is the renderer's own REPORT_CSS (server/src/engine/render/style.ts), inlined
 * under the page nonce: one source for the printed report, the CLI's HTML page and this preview,
 * shipped in the same extension as the server, so it cannot drift from the HTML it styles.
 * media/preview.css only adds the webview chrome and the theme-following overrides.
 */
import { escapeHtml, REPORT_CSS } from '../../../server/src/engine';
import { PAGE, styleClass } from './messages';
import type { InitialData, PreviewStyle } from './messages';

export interface PageInput {
  /** `webview.cspSource`. */
  cspSource: string;
  /** Fresh for every page. */
  nonce: string;
  /** `webview.asWebviewUri` of media/preview.js and media/preview.css. */
  scriptUri: string;
  styleUri: string;
  /** Body HTML: the server's fragment (already escaped) or a notice from `noticeHtml`. */
  html: string;
  style: PreviewStyle;
  data: InitialData;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ') + ';';
}

export function buildPage(p: PageInput): string {
  const nonce = escapeHtml(p.nonce);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(p.cspSource, p.nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // JSON in an attribute (escaped): data, never code, so the CSP needs no 'unsafe-inline'.
    `<meta id="${PAGE.data}" data-state="${escapeHtml(JSON.stringify(p.data))}">`,
    `<style nonce="${nonce}">${REPORT_CSS}</style>`,
    `<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(p.styleUri)}">`,
    '</head>',
    `<body class="${styleClass(p.style)}">`,
    `<main id="${PAGE.root}">${p.html}</main>`,
    `<script nonce="${nonce}" src="${escapeHtml(p.scriptUri)}"></script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A message in place of the report (document not open, server error); text only. */
export function noticeHtml(message: string): string {
  return `<p class="xxgk-notice">${escapeHtml(message)}</p>`;
}
