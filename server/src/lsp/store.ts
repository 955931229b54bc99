/**
 * One Analysis per document version, computed on first use and shared by validation and every
 * request for that version. Settings changes bump a generation so nothing stale is served.
 * Only the most recently used analyses are kept: with hundreds of reports open, the rest are
 * recomputed on demand (one check costs a few milliseconds; an analysis holds ~300 KB).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DOCS_URL } from '../cli/output';
import { check } from '../engine';
import type { CheckOptions } from '../engine';
import type { Analysis } from '../features/analysis';
import { i18n } from '../i18n/messages';
import type { Locale } from '../i18n/messages';

interface Entry {
  version: number;
  generation: number;
  analysis: Analysis;
}

/** Analyses kept in memory; requests for other documents recompute theirs. */
export const MAX_CACHED_ANALYSES = 16;

export class AnalysisStore {
  /** In least- to most-recently-used order (a Map iterates in insertion order). */
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(private readonly options: () => CheckOptions & { locale: Locale }) {}

  get(doc: TextDocument): Analysis {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version && cached.generation === this.generation) {
      this.entries.delete(doc.uri);
      this.entries.set(doc.uri, cached);
      return cached.analysis;
    }
    const analysis = this.analyze(doc.getText());
    this.entries.delete(doc.uri);
    this.entries.set(doc.uri, { version: doc.version, generation: this.generation, analysis });
    if (this.entries.size > MAX_CACHED_ANALYSES) this.entries.delete(this.entries.keys().next().value as string);
    return analysis;
  }

  /** An uncached analysis of `text` with the current settings (files read from disk). */
  analyze(text: string): Analysis {
    const options = this.options();
    const result = check(text, options);
    return { text: result.report.text, result, t: i18n(options.locale), docsUrl: DOCS_URL };
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
