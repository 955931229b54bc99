/** The start of a review page (index.html and each report's page): doctype, language, CSP, title, style. */
import type { Locale } from '../i18n/messages';
import { escapeHtml } from '../render/escape';

export function pageHead(locale: Locale, csp: string, title: string, css: string): string[] {
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
  ];
}
