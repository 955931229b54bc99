/**
 * The review's overview (review/index.html), written as a stream: the head, one row per report as
 * it is reviewed, then the foot with the run's counts. Self-contained: one inline style and one
 * inline script (sorting by a column, filtering by text), allowed by its hash in the page's CSP;
 * no network, no other file. Every text from a report or a file name is escaped.
 */
import { createHash } from 'node:crypto';
import type { Locale } from '../i18n/messages';
import { el, escapeHtml } from '../render/escape';
import { REVIEW_STRINGS } from '../i18n/review';
import { pageHead } from './pageHead';

/** One row: a reviewed report, or a document that could not be read or imported. */
export interface IndexRow {
  /** Relative URL of the report's page (absent for a failed document). */
  page?: string;
  /** The input as named on the command line, and its relative URL. */
  input: string;
  inputHref: string;
  agency?: string;
  year?: number;
  format?: string;
  /** Imported documents: cells read and cells to check; sources: undefined. */
  import?: { cellsRead: number; cellsToCheck: number };
  failed?: string;
  errors: number;
  warnings: number;
  byCode: Record<string, number>;
  /** Last year's report among the reviewed ones: its 年度 and page. */
  previous?: { year: number; page: string };
}

/** Sorting and filtering; reads only the table, writes only row order and visibility. */
const SCRIPT = `(function(){
var table=document.getElementById('reports'),body=table.querySelector('tbody'),heads=table.querySelectorAll('thead th'),filter=document.getElementById('filter'),count=document.getElementById('shown');
function key(td){var v=td.getAttribute('data-sort');if(v===null)v=td.textContent;var n=Number(v);return v!==''&&!isNaN(n)?n:v;}
Array.prototype.forEach.call(heads,function(th,col){th.tabIndex=0;var dir=1;function sort(){
var rows=Array.prototype.slice.call(body.children);rows.sort(function(a,b){var x=key(a.children[col]),y=key(b.children[col]);
if(typeof x==='number'&&typeof y==='number')return (x-y)*dir;return String(x).localeCompare(String(y),'zh-CN')*dir;});
rows.forEach(function(r){body.appendChild(r);});Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',dir>0?'ascending':'descending');dir=-dir;}
th.addEventListener('click',sort);th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sort();}});});
function apply(){var q=filter.value.trim().toLowerCase(),n=0;Array.prototype.forEach.call(body.children,function(r){var show=!q||r.textContent.toLowerCase().indexOf(q)>=0;r.hidden=!show;if(show)n++;});count.textContent=String(n);}
filter.addEventListener('input',apply);apply();})();`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

/** The page's policy: its own style and script only, nothing loaded. */
export const INDEX_CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'`;

const CSS = `
body { font: 14px/1.5 system-ui, sans-serif; margin: 16px; color: #222; }
h1 { font-size: 20px; }
.tools { display: flex; gap: 16px; align-items: center; margin: 8px 0 12px; flex-wrap: wrap; }
#filter { min-width: 320px; padding: 4px 8px; font: inherit; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f2f2f2; cursor: pointer; user-select: none; position: sticky; top: 0; }
th[aria-sort=ascending]::after { content: ' ▲'; } th[aria-sort=descending]::after { content: ' ▼'; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.has-errors { color: #b00020; font-weight: bold; } td.has-warnings { color: #8a6100; }
tr.failed td { background: #fff4f4; }
.codes code { margin-right: 6px; white-space: nowrap; }
.summary { margin-top: 12px; }
`;

export function indexHead(locale: Locale, tables: { csv: string; xlsx: string }): string {
  const s = REVIEW_STRINGS[locale];
  const c = s.columns;
  const head = [c.agency, c.year, c.format, c.document, c.imported, c.errors, c.warnings, c.codes, c.previous].map((h) => el('th', { scope: 'col' }, escapeHtml(h))).join('');
  return [
    ...pageHead(locale, INDEX_CSP, s.pageTitle, CSS),
    '<body>',
    el('h1', {}, escapeHtml(s.pageTitle)),
    el(
      'div',
      { class: 'tools' },
      `<input id="filter" type="search" placeholder="${escapeHtml(s.filter)}" aria-label="${escapeHtml(s.filter)}">` +
        `<span><span id="shown"></span></span>` +
        `<span>${escapeHtml(s.tables)}: ${el('a', { href: tables.csv }, 'tables.csv')} · ${el('a', { href: tables.xlsx }, 'tables.xlsx')}</span>`,
    ),
    `<table id="reports"><thead><tr>${head}</tr></thead><tbody>`,
    '',
  ].join('\n');
}

const num = (n: number, cls: string | false) => el('td', { class: cls ? `num ${cls}` : 'num', 'data-sort': n }, String(n));

export function indexRow(row: IndexRow, locale: Locale): string {
  const s = REVIEW_STRINGS[locale];
  const name = row.agency ?? row.input;
  const agency = el('td', { class: 'agency' }, row.page ? el('a', { href: row.page }, escapeHtml(name)) : escapeHtml(name));
  const status = row.failed !== undefined ? s.failed(row.failed) : row.import ? s.imported(row.import.cellsRead, row.import.cellsToCheck) : s.notImported;
  const codes = Object.entries(row.byCode)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code, n]) => `<code>${escapeHtml(code)}×${n}</code>`)
    .join(' ');
  const cells = [
    agency,
    el('td', { class: 'num', 'data-sort': row.year ?? '' }, escapeHtml(row.year ?? '')),
    el('td', {}, escapeHtml(row.format ?? '')),
    el('td', { class: 'input' }, el('a', { href: row.inputHref }, escapeHtml(row.input))),
    el('td', { class: 'status', 'data-sort': row.failed !== undefined ? -1 : (row.import?.cellsToCheck ?? '') }, escapeHtml(status)),
    num(row.errors, row.errors > 0 && 'has-errors'),
    num(row.warnings, row.warnings > 0 && 'has-warnings'),
    el('td', { class: 'codes' }, codes),
    el('td', { class: 'previous' }, row.previous ? el('a', { href: row.previous.page }, escapeHtml(s.pairedWith(row.previous.year))) : ''),
  ];
  return el('tr', { class: row.failed !== undefined ? 'failed' : undefined }, cells.join('')) + '\n';
}

export function indexFoot(locale: Locale, totals: { reports: number; failed: number; errors: number; warnings: number }): string {
  const s = REVIEW_STRINGS[locale];
  return ['</tbody></table>', el('p', { class: 'summary' }, escapeHtml(s.summary(totals.reports, totals.failed, totals.errors, totals.warnings))), `<script>${SCRIPT}</script>`, '</body>', '</html>', ''].join('\n');
}
