/**
 * Inline stylesheet: a printed Chinese official document (GB/T 9704 habits: 二号小标宋 title,
 * 三号仿宋 body with 2em indent, 黑体/楷体 headings, ~28 characters a line on A4) with 宋体 tables.
 * Preview-only marks (cell states, diagnostics) vanish in print: paper shows the report as published.
 */

/** Rules scoped to the fragment, so `renderBody` can be embedded in another page. */
export const REPORT_CSS = `
.xxgk-report {
  box-sizing: border-box; max-width: 210mm; margin: 0 auto; padding: 30mm 26mm 30mm 28mm;
  background: #fff; color: #111;
  font-family: "FangSong", "STFangsong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "SimSun", "Songti SC", serif;
  font-size: 16pt; line-height: 1.75; text-align: justify;
}
.xxgk-report h1 {
  margin: 0 0 1.2em; text-align: center; font-weight: normal; font-size: 22pt; line-height: 1.45;
  font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "华文中宋", "SimSun", "宋体", serif;
}
.xxgk-report h2 {
  margin: .4em 0 0; text-indent: 2em; font-weight: normal; font-size: 16pt;
  font-family: "SimHei", "黑体", "STHeiti", "Heiti SC", sans-serif;
}
.xxgk-report h3 {
  margin: 0; text-indent: 2em; font-weight: normal; font-size: 16pt;
  font-family: "KaiTi", "STKaiti", "楷体", "楷体_GB2312", serif;
}
.xxgk-report p { margin: 0; text-indent: 2em; }
.xxgk-report p.note { font-size: 12pt; text-indent: 0; }
.xxgk-table {
  width: 100%; margin: .5em 0 .9em; border-collapse: collapse; font-size: 10.5pt; line-height: 1.35;
  text-align: center; font-family: "SimSun", "宋体", "Songti SC", "STSong", serif;
}
.xxgk-table th, .xxgk-table td {
  border: 1px solid #000; padding: 3pt 4pt; vertical-align: middle; font-weight: normal; text-align: center;
}
.xxgk-table th.label { text-align: left; }
.xxgk-table th.corner { font-size: 9pt; }
/* Row-span labels stay narrow and wrap, as in the official template (不予／公开). */
.xxgk-table.matrix th.group-label { width: 3em; }
.xxgk-table.captioned th.caption { font-weight: bold; }
.xxgk-table.captioned th.label { width: 28%; }
.xxgk-table td { min-width: 2em; font-variant-numeric: tabular-nums; }
.xxgk-table td.blank { background-image: radial-gradient(#b8b8b8 .7px, transparent .8px); background-size: 5px 5px; }
.xxgk-table td.missing { background: repeating-linear-gradient(135deg, #f6f6f6 0 4px, #e4e4e4 4px 5px); }
.xxgk-table td.computed { color: #555; font-style: italic; }
.xxgk-table td.computed::after { content: "*"; margin-left: 1px; color: #999; font-size: .75em; vertical-align: super; }
.xxgk-table td.invalid { color: #b00020; text-decoration: underline wavy #b00020; }
.xxgk-report .has-error { background-color: #fdecea; box-shadow: inset 0 0 0 2px #d32f2f; }
.xxgk-report .has-warning { background-color: #fff6d6; box-shadow: inset 0 0 0 2px #e0a100; }
.xxgk-report .has-info { background-color: #e8f1fd; box-shadow: inset 0 0 0 2px #4a86d8; }
.xxgk-table-scroll { max-width: 100%; overflow-x: auto; }
/* A pane narrower than the sheet (the preview beside the editor): less margin, smaller table text, headers wrap. */
@media (max-width: 210mm) {
  .xxgk-report { padding: 16px 12px; font-size: 13pt; }
  .xxgk-report h1 { font-size: 18pt; }
  .xxgk-report h2, .xxgk-report h3 { font-size: 13pt; }
  .xxgk-table { font-size: 9pt; }
  .xxgk-table th, .xxgk-table td { padding: 2pt 1.5pt; }
  .xxgk-table th { word-break: break-all; }
  .xxgk-table td { min-width: 1.6em; }
}
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print {
  .xxgk-report { max-width: none; padding: 0; box-shadow: none; }
  .xxgk-report h2, .xxgk-report h3 { break-after: avoid; }
  .xxgk-table tr { break-inside: avoid; }
  .xxgk-table thead { display: table-header-group; }
  .xxgk-table-scroll { overflow: visible; }
  .xxgk-table td.blank, .xxgk-table td.missing { background: none; }
  .xxgk-table td.computed, .xxgk-table td.invalid { color: inherit; font-style: normal; text-decoration: none; }
  .xxgk-table td.computed::after { content: none; }
  .xxgk-report .has-error, .xxgk-report .has-warning, .xxgk-report .has-info { background: none; box-shadow: none; }
}
`;

/** Page chrome of the standalone document: the report as a sheet on a grey desk. */
export const PAGE_CSS = `
html { background: #e8e8e8; }
body { margin: 0; padding: 24px 0; }
.xxgk-report { box-shadow: 0 1px 6px rgba(0, 0, 0, .25); }
.xxgk-problems { max-width: 210mm; margin: 0 auto 16px; padding: 12px 12px 12px 32px; background: #fff4f4; border: 1px solid #c00; color: #600; font-family: monospace; white-space: pre-wrap; }
@media print {
  html, body { background: none; padding: 0; }
  .xxgk-report { box-shadow: none; }
}
`;
