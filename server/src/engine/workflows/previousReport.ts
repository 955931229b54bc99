/**
 * Which file is last year's report (docs/source-format.md, 上年报告): the path 上年报告 names,
 * relative to this file; when it is absent, a sibling report with the same 机关 and 年度 − 1.
 * Pure: the edges (CLI, language server) list the folder and read the siblings' heads, cheaply,
 * with `readHead` (a line scan, no YAML parse), and cache them as they see fit.
 */
import * as path from 'node:path';
import { REPORT_NAME } from '../../shared/ids';
import type { Report } from '../parse/types';

/** The two top-level settings that pair reports across years. */
export interface ReportHead {
  year?: number;
  agency?: string;
}

export interface SiblingHead extends ReportHead {
  path: string;
}

/** Report sources, by name (the CLI's folder walk, the server's file watcher and 上年报告). */
export const REPORT_FILE = REPORT_NAME;

/**
 * Why the path 上年报告 names may not be read, from its text alone. An absolute path could name any
 * file on the machine (and the diagnostics would reveal whether it exists and what it holds); a UNC
 * or network path (`\\host\share\x`) is worse: on Windows, opening it sends the user's
 * credentials to that host. Only a report file, relative to this one, is read; the edges check
 * further that it stays inside the folder being checked or the workspace ('outside').
 */
export type RefRefusal = 'absolute' | 'network' | 'outside' | 'not-a-report';

export function refRefusal(ref: string): RefRefusal | undefined {
  if (/^[\\/]{2}/.test(ref)) return 'network';
  if (/^[\\/]/.test(ref) || /^[A-Za-z]:/.test(ref) || /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(ref)) return 'absolute';
  if (!REPORT_FILE.test(ref)) return 'not-a-report';
  return undefined;
}

/** A scalar as written after `key:` on one line: quotes removed, a trailing comment dropped. */
function scalarText(raw: string): string {
  const v = raw.trim();
  const dq = /^"((?:[^"\\]|\\.)*)"/.exec(v);
  if (dq) return dq[1].replace(/\\(.)/g, '$1');
  const sq = /^'((?:[^']|'')*)'/.exec(v);
  if (sq) return sq[1].replace(/''/g, "'");
  return v.replace(/(^|\s)#.*$/, '').trim();
}

/** A string that holds its own characters (V8 represents a slice as a view of its parent). */
export function flat(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/**
 * 年度 and 机关 from top-level `key: value` lines (a full-width colon is read too, as the engine
 * does). Block-style files, which is how every report is written, are read exactly; anything
 * fancier (flow mappings, anchors) simply yields no head, and the file is not picked as a sibling.
 */
export function readHead(text: string): ReportHead {
  const head: ReportHead = {};
  // Line by line without splitting the whole text: the two keys sit at the top of a report.
  for (let start = text.charCodeAt(0) === 0xfeff ? 1 : 0; start < text.length; ) {
    const lf = text.indexOf('\n', start);
    const end = lf === -1 ? text.length : lf;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    // `：` typed with an IME is usually not followed by a space; `:` must be (YAML).
    const m = /^(年度|机关)[ \t]*(?::(?:[ \t]+|$)|：[ \t]*)(.*)$/.exec(line);
    if (!m) continue;
    // A copy, not a slice: a slice would keep the whole text alive as long as the head is kept
    // (an edge keeps the heads of every file of a folder).
    const value = flat(scalarText(m[2]));
    if (m[1] === '年度' && head.year === undefined && /^\d{4}$/.test(value)) head.year = Number(value);
    else if (m[1] === '机关' && head.agency === undefined && value) head.agency = value;
    if (head.year !== undefined && head.agency !== undefined) break;
  }
  return head;
}

/**
 * Last year's file for the report at `thisPath`, or undefined. `listSiblings(dir)` gives the
 * report files of a folder with their heads (this file may be among them). Ties between several
 * matching siblings go to the first by name, so every edge picks the same one.
 */
export function previousReportPath(report: Report, thisPath: string, listSiblings: (dir: string) => SiblingHead[]): string | undefined {
  const dir = path.dirname(thisPath);
  // A refused reference (refRefusal) still names a path, for the message; the edges read nothing there.
  if (report.previousRef) return refRefusal(report.previousRef) ? report.previousRef : path.join(dir, report.previousRef.replace(/\\/g, '/'));
  if (report.year === undefined || !report.agency) return undefined;
  const self = path.resolve(thisPath);
  const matches = (byAgencyYear(listSiblings(dir)).get(headKey(report.year - 1, report.agency)) ?? []).filter((p) => path.resolve(p) !== self).sort();
  return matches[0];
}

/** One key per 年度 and 机关, for pairing reports across years (here, and `xxgk review`). */
export const headKey = (year: number, agency: string): string => `${year}\u0000${agency}`;

/**
 * A folder's sibling paths by 年度 and 机关, made once per list: an edge that keeps a folder's list
 * (the CLI) pays one pass per folder, not one per report, so a folder of 10,000 reports is not
 * 10,000² comparisons.
 */
const indexes = new WeakMap<readonly SiblingHead[], Map<string, string[]>>();

function byAgencyYear(siblings: readonly SiblingHead[]): Map<string, string[]> {
  let index = indexes.get(siblings);
  if (!index) {
    index = new Map();
    for (const s of siblings) {
      if (s.year === undefined || !s.agency) continue;
      const key = headKey(s.year, s.agency);
      const list = index.get(key);
      if (list) list.push(s.path);
      else index.set(key, [s.path]);
    }
    indexes.set(siblings, index);
  }
  return index;
}

/**
 * What choosing last year's report needs from the file system. The CLI and the language server each
 * implement it over their own bounded reads and caches (cli/previous.ts, lsp/previous.ts); the
 * choice itself is made here, once.
 */
export interface ReportFiles {
  /** The report files of a folder with their heads (`readHead`); this file may be among them. */
  siblings(dir: string): SiblingHead[];
  /** Whether `target` lies inside one of `roots` once symbolic links are followed. */
  inside(target: string, roots: readonly string[]): boolean;
}

export type PreviousChoice =
  /** No 上年报告 and no sibling of 年度 − 1 with the same 机关. */
  | { kind: 'none' }
  /** 上年报告 names a file that is not read: refused from its text, or outside `roots`. */
  | { kind: 'refused'; ref: string; refused: RefRefusal }
  /** Last year's file (as named: relative to the process, not resolved). */
  | { kind: 'file'; path: string };

/**
 * Last year's report for the report at `thisPath`: the file 上年报告 names, if it may be read
 * (a report file, relative, inside one of `roots`), else a sibling (`previousReportPath`).
 */
export function choosePrevious(report: Report, thisPath: string, roots: readonly string[], files: ReportFiles): PreviousChoice {
  const target = previousReportPath(report, thisPath, (dir) => files.siblings(dir));
  if (!target) return { kind: 'none' };
  const ref = report.previousRef;
  if (ref) {
    const refused = refRefusal(ref) ?? (files.inside(target, roots) ? undefined : 'outside');
    if (refused) return { kind: 'refused', ref, refused };
  }
  return { kind: 'file', path: target };
}

/** Characters no file system accepts in a name become `_` (a 机关 is free text). */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim();
}

/** `上年报告` for a file at `target` pointing at `source`: relative, with `/` on every platform. */
export function relativeRef(target: string, source: string): string {
  return path.relative(path.dirname(target), source).split(path.sep).join('/');
}
