/**
 * Last year's report for the language server: which file it is (`choosePrevious()` in engine/workflows/previousReport.ts
 * decides) and its text, from an open document when there is one (unsaved text wins) or from disk.
 * Everything read is cached until the next event that could change it (a document opened, edited
 * or closed, a watched file changed): an `epoch` counter, so requests between events cost a map
 * lookup. `key` names the version of last year's file used, so the store knows when to re-check.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../engine';
import type { CheckResult, PreviousInput } from '../engine';
import { choosePrevious, readHead, REPORT_FILE } from '../engine';
import type { RefRefusal, ReportHead, SiblingHead } from '../engine';
import { decodeSource } from '../engine';
import type { Report } from '../engine';
import { insideAny, MAX_SOURCE_BYTES, readRegularFileSync } from '../node/readFile';
import { readFileHead } from '../node/reportHead';
/** Last year's check results kept (a few folders' worth of open years). */
const MAX_RESULTS = 8;

/** The file-system path of a `file:` URI, else undefined (untitled documents have no folder). */
export function uriPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** What is kept of a file on disk: no text (last year's check is cached by `key` instead). */
interface DiskFile {
  epoch: number;
  readable: boolean;
  /** mtime and size: a new stamp means new content. */
  stamp: string;
  head: ReportHead;
}

interface Resolution {
  epoch: number;
  /** What the choice of file depends on (上年报告, 年度, 机关): not the report, which would pin it in memory. */
  signature: string;
  /** Last year's file (absolute path), if any. */
  target?: string;
  /** 上年报告 names a file that is not read (refRefusal, or outside the workspace). */
  refused?: RefRefusal;
}

const signatureOf = (report: Report) => JSON.stringify([report.previousRef ?? null, report.year ?? null, report.agency ?? null]);

export interface PreviousLookup {
  /** Changes whenever last year's file (or which file it is) changes. */
  key: string;
  /** The engine's `previous` input, built on demand. */
  input(): PreviousInput | undefined;
}

export class PreviousFiles {
  private epoch = 0;
  /**
   * Moves only when the files may have changed on disk (a watched-file event, a document opened or
   * closed), not on every keystroke: typing must not stat and list the folder again.
   */
  private diskEpoch = 0;
  private readonly disk = new Map<string, DiskFile>();
  private readonly listings = new Map<string, { epoch: number; names: string[] }>();
  private readonly resolved = new Map<string, Resolution>();
  private readonly results = new Map<string, CheckResult>();
  private openByPath?: { epoch: number; map: Map<string, TextDocument> };

  /**
   * Folders 上年报告 may name a file in: the workspace folders (set at initialize). Without any, a
   * document's own folder. Nothing outside them is read, which is also what Restricted Mode needs.
   */
  roots: string[] = [];

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  /** Something changed: a document's text, or (`onDisk`) possibly files on disk. */
  changed(onDisk: boolean): void {
    this.epoch++;
    if (onDisk) this.diskEpoch++;
  }

  forget(uri: string): void {
    this.resolved.delete(uri);
  }

  /** Last year's file for the document `uri` whose parsed report is `report`. */
  lookup(uri: string, report: Report): PreviousLookup {
    let r = this.resolved.get(uri);
    const signature = signatureOf(report);
    if (!r || r.epoch !== this.epoch || r.signature !== signature) {
      const self = uriPath(uri);
      const roots = self ? (this.roots.length ? this.roots : [path.dirname(self)]) : [];
      const choice = self ? choosePrevious(report, self, roots, { siblings: (dir) => this.siblings(dir), inside: insideAny }) : { kind: 'none' as const };
      r =
        choice.kind === 'refused'
          ? { epoch: this.epoch, signature, refused: choice.refused, target: choice.ref }
          : { epoch: this.epoch, signature, target: choice.kind === 'file' ? path.resolve(choice.path) : undefined };
      // Kept for open documents only: the workspace check must not pin a report per file it read.
      if (this.documents.get(uri)) this.resolved.set(uri, r);
    }
    if (r.refused) {
      const { refused, target } = r;
      return { key: `refused:${refused}:${target}`, input: () => ({ path: target, refused }) };
    }
    return this.fileLookup(r.target);
  }

  /**
   * Open documents that may compare against the file at `changedPath`: those whose last year's
   * file it is now, and those beside it for which it could become it (same 机关, one year later).
   * Not every sibling: opening a folder of many reports must not re-check each against each.
   */
  dependents(changedPath: string, except?: string): string[] {
    const dir = path.dirname(changedPath);
    const open = this.openDocument(changedPath);
    const changed = open ? readHead(open.getText()) : this.read(changedPath).head;
    const out: string[] = [];
    for (const doc of this.documents.all()) {
      if (doc.uri === except) continue;
      const self = uriPath(doc.uri);
      if (!self) continue;
      if (this.resolved.get(doc.uri)?.target === changedPath) {
        out.push(doc.uri);
        continue;
      }
      if (path.dirname(self) !== dir || changed.year === undefined) continue;
      const head = readHead(doc.getText());
      if (head.year === changed.year + 1 && head.agency === changed.agency) out.push(doc.uri);
    }
    return out;
  }

  private fileLookup(target: string | undefined): PreviousLookup {
    if (!target) return { key: 'none', input: () => undefined };
    const open = this.openDocument(target);
    if (open) {
      const key = `open:${open.uri}:${open.version}`;
      return { key, input: () => ({ path: open.uri, result: this.result(key, () => check(open.getText())) }) };
    }
    const file = this.read(target);
    const uri = pathToFileURL(target).href;
    const unreadable = { key: `unreadable:${target}`, input: () => ({ path: uri, unreadable: true }) };
    if (!file.readable) return unreadable;
    const key = `disk:${target}:${file.stamp}`;
    return {
      key,
      input: () => {
        let result: CheckResult;
        try {
          result = this.result(key, () => check(readBounded(target)));
        } catch {
          // Gone or unreadable since it was listed.
          return unreadable.input();
        }
        return { path: uri, result };
      },
    };
  }

  /**
   * Last year's check, by version key. Plain (`compute` passes no previous of its own), so chains of
   * years never recurse; least recently used results go first.
   */
  private result(key: string, compute: () => CheckResult): CheckResult {
    const r = this.results.get(key) ?? compute();
    this.results.delete(key);
    this.results.set(key, r);
    if (this.results.size > MAX_RESULTS) this.results.delete(this.results.keys().next().value as string);
    return r;
  }

  private openDocument(file: string): TextDocument | undefined {
    if (!this.openByPath || this.openByPath.epoch !== this.epoch) {
      const map = new Map<string, TextDocument>();
      for (const doc of this.documents.all()) {
        const p = uriPath(doc.uri);
        if (p) map.set(p, doc);
      }
      this.openByPath = { epoch: this.epoch, map };
    }
    return this.openByPath.map.get(file);
  }

  private siblings(dir: string): SiblingHead[] {
    const names = this.list(dir);
    // Open documents may not be saved yet: their folder is the one they will be saved in.
    const files = new Set(names.map((n) => path.resolve(dir, n)));
    for (const doc of this.documents.all()) {
      const p = uriPath(doc.uri);
      if (p && path.dirname(p) === path.resolve(dir) && REPORT_FILE.test(p)) files.add(p);
    }
    return [...files].map((p) => {
      const open = this.openDocument(p);
      return { path: p, ...(open ? readHead(open.getText()) : this.read(p).head) };
    });
  }

  /** Report files in `dir`, listed once per disk epoch. */
  private list(dir: string): string[] {
    const cached = this.listings.get(dir);
    if (cached && cached.epoch === this.diskEpoch) return cached.names;
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir).filter((n) => REPORT_FILE.test(n));
    } catch {
      // No folder, no siblings.
    }
    this.listings.set(dir, { epoch: this.diskEpoch, names });
    return names;
  }

  /** A file's head and stamp (mtime and size), re-read when the stamp changed. */
  private read(file: string): DiskFile {
    const cached = this.disk.get(file);
    if (cached && cached.epoch === this.diskEpoch) return cached;
    let stamp = 'missing';
    let head: ReportHead | undefined;
    try {
      const stat = fs.statSync(file);
      stamp = `${stat.mtimeMs}:${stat.size}`;
      if (cached && cached.stamp === stamp) return this.keep(file, { ...cached, epoch: this.diskEpoch });
      // Regular files only (readFileHead refuses the rest): a FIFO named *.xxgk.yaml is unreadable, not a hang.
      head = stat.isFile() ? readFileHead(file) : undefined;
    } catch {
      head = undefined;
    }
    return this.keep(file, { epoch: this.diskEpoch, readable: head !== undefined, stamp, head: head ?? {} });
  }

  private keep(file: string, entry: DiskFile): DiskFile {
    this.disk.set(file, entry);
    return entry;
  }
}

/** Regular files only, size-bounded (node/readFile.ts): a FIFO named *.xxgk.yaml is unreadable, not a hang. */
function readBounded(file: string): string {
  return decodeSource(readRegularFileSync(file, MAX_SOURCE_BYTES)).text;
}
