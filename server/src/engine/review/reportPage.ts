/**
 * One report's review page (review/<report>.html): the rendered report with its cells and paragraphs
 * marked as in the preview, and its diagnostics listed beside it, with links back to the overview,
 * to the source to edit and to the document it was imported from. Self-contained, script-free.
 */
import { normalizeLocale } from '../i18n/messages';
import type { Locale } from '../i18n/messages';
import type { Diagnostic, Report } from '../parse/types';
import { el, escapeHtml } from '../render/escape';
import { renderBody } from '../render/html';
import { PAGE_CSS, REPORT_CSS } from '../render/style';
import { REVIEW_STRINGS } from '../i18n/review';
import { pageHead } from './pageHead';

export interface ReviewLinks {
  /** Relative URLs from the page: the overview, the source, the input document. */
  index: string;
  source: string;
  input: string;
}

/** The CSP of every review page: nothing but inline style (index.html adds its one script by hash). */
export const PAGE_CSP = `default-src 'none'; style-src 'unsafe-inline'`;

export const REVIEW_CSS = `
.review-layout { display: flex; gap: 16px; align-items: flex-start; justify-content: center; padding: 0 12px; }
.review-layout .xxgk-report { flex: 0 1 210mm; margin: 0; }
.review-side { flex: 0 0 340px; position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow: auto; background: #fff; padding: 12px; box-shadow: 0 1px 6px rgba(0,0,0,.25); font: 13px/1.5 system-ui, sans-serif; }
.review-side ol { padding-left: 20px; margin: 0; }
.review-side li { margin-bottom: 8px; }
.review-side .sev-error { color: #b00020; } .review-side .sev-warning { color: #8a6100; } .review-side .sev-info { color: #2b5797; }
.review-side code { font-size: 12px; }
.review-nav { max-width: 1200px; margin: 0 auto 12px; font: 14px system-ui, sans-serif; display: flex; gap: 16px; padding: 0 12px; }
@media (max-width: 1100px) { .review-layout { flex-direction: column; } .review-side { position: static; max-height: none; flex-basis: auto; width: auto; } }
`;

function diagnosticItem(d: Diagnostic, locale: Locale): string {
  const s = REVIEW_STRINGS[locale];
  const where = s.line(d.range.start.line + 1, d.range.start.character + 1);
  const cell = d.cell ? ` · <code>${escapeHtml(d.cell)}</code>` : '';
  return el('li', { class: `sev-${d.severity}`, 'data-code': d.code }, `<strong>${escapeHtml(s.severity[d.severity])}</strong> <code>${escapeHtml(d.code)}</code> · ${escapeHtml(where)}${cell}<br>${escapeHtml(d.message)}`);
}

export function renderReviewPage(report: Report, diagnostics: Diagnostic[], options: { locale?: string; links: ReviewLinks }): string {
  const locale = normalizeLocale(options.locale);
  const s = REVIEW_STRINGS[locale];
  const { links } = options;
  const nav = el(
    'nav',
    { class: 'review-nav' },
    el('a', { href: links.index, class: 'back' }, escapeHtml(s.back)) + el('a', { href: links.source, class: 'source' }, escapeHtml(s.source)) + el('a', { href: links.input, class: 'document' }, escapeHtml(s.document)),
  );
  const list = diagnostics.length ? el('ol', {}, diagnostics.map((d) => diagnosticItem(d, locale)).join('')) : el('p', {}, escapeHtml(s.none));
  const side = el('aside', { class: 'review-side', 'aria-label': s.diagnostics }, el('h2', {}, `${escapeHtml(s.diagnostics)} (${diagnostics.length})`) + list);
  return [
    ...pageHead(locale, PAGE_CSP, s.reportPageTitle(report.title), `${REPORT_CSS}${PAGE_CSS}${REVIEW_CSS}`),
    '<body>',
    nav + el('div', { class: 'review-layout' }, renderBody(report, { diagnostics, locale }) + side),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
