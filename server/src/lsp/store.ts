/**
 * One Analysis per document version, computed on first use and shared by validation and every
 * request for that version. Settings changes bump a generation so nothing stale is served.
 * Only the most recently used analyses are kept: with hundreds of reports open, the rest are
 * recomputed on demand (one check costs a few milliseconds; an analysis holds ~300 KB).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocLink } from '../node/ruleDocs';
import { check } from '../engine';
import type { CheckOptions } from '../engine';
import type { Analysis } from '../engine';
import { i18n } from '../engine';
import type { Locale } from '../engine';
import type { PreviousFiles } from './previous';

interface Entry {
  version: number;
  generation: number;
  /** Which version of last year's file the analysis read (PreviousLookup.key); undefined: it read none. */
  previousKey?: string;
  analysis: Analysis;
}

/** Analyses kept in memory; requests for other documents recompute theirs. */
export const MAX_CACHED_ANALYSES = 16;

export class AnalysisStore {
  /** In least- to most-recently-used order (a Map iterates in insertion order). */
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  /** `previous` finds last year's report (cross-year rules); without it none is compared. */
  constructor(
    private readonly options: () => CheckOptions & { locale: Locale },
    private readonly previous?: PreviousFiles,
  ) {}

  get(doc: TextDocument): Analysis {
    const cached = this.entries.get(doc.uri);
    if (
      cached &&
      cached.version === doc.version &&
      cached.generation === this.generation &&
      (cached.previousKey === undefined || cached.previousKey === this.previous?.lookup(doc.uri, cached.analysis.result.report).key)
    ) {
      this.entries.delete(doc.uri);
      this.entries.set(doc.uri, cached);
      return cached.analysis;
    }
    const { analysis, previousKey } = this.check(doc.getText(), doc.uri);
    this.entries.delete(doc.uri);
    this.entries.set(doc.uri, { version: doc.version, generation: this.generation, previousKey, analysis });
    if (this.entries.size > MAX_CACHED_ANALYSES) this.entries.delete(this.entries.keys().next().value as string);
    return analysis;
  }

  /** An uncached analysis of `text` with the current settings (files read from disk, at `uri`). */
  analyze(text: string, uri?: string, encoding?: CheckOptions['encoding']): Analysis {
    return this.check(text, uri, encoding).analysis;
  }

  private check(text: string, uri: string | undefined, encoding?: CheckOptions['encoding']): { analysis: Analysis; previousKey?: string } {
    const options = this.options();
    // Stays undefined when the engine never asked (no file, or YAML errors stopped the rules).
    let previousKey: string | undefined;
    const previous = this.previous;
    const result = check(text, {
      ...options,
      ...(encoding ? { encoding } : {}),
      // Resolved once the report is parsed: its 上年报告, 年度 and 机关 say which file to read.
      ...(previous && uri
        ? {
            previous: (report) => {
              const found = previous.lookup(uri, report);
              previousKey = found.key;
              return found.input();
            },
          }
        : {}),
    });
    return { analysis: { text: result.report.text, result, t: i18n(options.locale), docsLink: ruleDocLink }, previousKey };
  }

  /** Settings changed: every cached analysis is stale. */
  invalidateAll(): void {
    this.generation++;
    this.entries.clear();
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
