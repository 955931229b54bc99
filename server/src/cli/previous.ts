/**
 * Last year's report for the CLI: the file 上年报告 names, else a sibling with the same 机关 and
 * 年度 − 1 (`choosePrevious()` in engine/workflows/previousReport.ts decides; this reads the disk). A folder's listing and its
 * files' heads (年度, 机关) are read once per run and kept; texts are not kept, so memory stays flat
 * however many files a run checks (last year's text is read again when it is needed).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PreviousInput } from '../engine';
import { choosePrevious, REPORT_FILE } from '../engine';
import type { ReportFiles } from '../engine';
import type { SiblingHead } from '../engine';
import { decodeSource } from '../engine';
import type { Report } from '../engine';
import { insideAny, MAX_SOURCE_BYTES, readRegularFileSync } from '../node/readFile';
import { readFileHead } from '../node/reportHead';

export class PreviousFinder implements ReportFiles {
  private readonly folders = new Map<string, SiblingHead[]>();

  /** The text of a file, or undefined when it cannot be read. */
  text(file: string): string | undefined {
    try {
      // Regular files only, size-bounded: a FIFO or device named *.xxgk.yaml is unreadable, not a hang.
      return decodeSource(readRegularFileSync(file, MAX_SOURCE_BYTES)).text;
    } catch {
      return undefined;
    }
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
      list = names.map((n) => path.join(dir, n)).map((p) => ({ path: p, ...readFileHead(p) }));
      this.folders.set(dir, list);
    }
    return list;
  }

  /** Heads of `dir` read by another thread of the run (cli/tasks.ts): kept unless this one has its own. */
  prime(dir: string, heads: SiblingHead[]): void {
    if (!this.folders.has(dir)) this.folders.set(dir, heads);
  }

  inside(target: string, roots: readonly string[]): boolean {
    return insideAny(target, roots);
  }

  /**
   * For `check`'s `previous` option: last year's text for the report at `file`, if there is one.
   * 上年报告 is read only when it names a report file inside one of `roots` (cli/files.ts, rootsOf).
   */
  previousFor(file: string, roots: readonly string[]): (report: Report) => PreviousInput | undefined {
    return (report) => {
      const choice = choosePrevious(report, file, roots, this);
      if (choice.kind === 'none') return undefined;
      if (choice.kind === 'refused') return { path: choice.ref, refused: choice.refused };
      const text = this.text(choice.path);
      return text === undefined ? { path: choice.path, unreadable: true } : { path: choice.path, text };
    };
  }
}
