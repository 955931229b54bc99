/**
 * Last year's report for the CLI: the file 上年报告 names, else a sibling with the same 机关 and
 * 年度 − 1 (features/previousReport.ts decides; this reads the disk). Texts and folder listings
 * are read once per run, so checking a folder reads every file once however the years chain.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PreviousInput } from '../engine';
import { previousReportPath, readHead, refRefusal, REPORT_FILE } from '../engine';
import type { SiblingHead } from '../engine';
import { decodeSource } from '../engine';
import type { Report } from '../engine';
import { insideAny, MAX_SOURCE_BYTES, readRegularFileSync } from '../node/readFile';

export class PreviousFinder {
  private readonly texts = new Map<string, string | undefined>();
  private readonly folders = new Map<string, SiblingHead[]>();

  /** The text of a file, or undefined when it cannot be read (cached either way). */
  text(file: string): string | undefined {
    const key = path.resolve(file);
    if (!this.texts.has(key)) {
      let text: string | undefined;
      try {
        // Regular files only, size-bounded: a FIFO or device named *.xxgk.yaml is unreadable, not a hang.
        text = decodeSource(readRegularFileSync(file, MAX_SOURCE_BYTES)).text;
      } catch {
        text = undefined;
      }
      this.texts.set(key, text);
    }
    return this.texts.get(key);
  }

  /** Report files of a folder with their 年度 and 机关. */
  siblings(dir: string): SiblingHead[] {
    let list = this.folders.get(dir);
    if (!list) {
      let names: string[] = [];
      try {
        names = fs.readdirSync(dir).filter((n) => REPORT_FILE.test(n));
      } catch {
        // An unreadable folder has no siblings to offer.
      }
      list = names.map((n) => path.join(dir, n)).map((p) => ({ path: p, ...readHead(this.text(p) ?? '') }));
      this.folders.set(dir, list);
    }
    return list;
  }

  /**
   * For `check`'s `previous` option: last year's text for the report at `file`, if there is one.
   * 上年报告 is read only when it names a report file inside one of `roots` (cli/files.ts, rootsOf).
   */
  previousFor(file: string, roots: readonly string[]): (report: Report) => PreviousInput | undefined {
    return (report) => {
      const target = previousReportPath(report, file, (dir) => this.siblings(dir));
      if (!target) return undefined;
      if (report.previousRef) {
        const refused = refRefusal(report.previousRef) ?? (insideAny(target, roots) ? undefined : 'outside');
        if (refused) return { path: report.previousRef, refused };
      }
      const text = this.text(target);
      return text === undefined ? { path: target, unreadable: true } : { path: target, text };
    };
  }
}
