/**
 * Push diagnostics: immediately when a document opens, debounced per document while it changes
 * (a newer change cancels the pending run, and a run never checks a version already superseded by
 * one waiting to be applied), cleared when it closes. Documents that compare against
 * another file (last year's report) are refreshed when it changes, and republished only if their
 * analysis did.
 */
import type { Analysis } from '../engine';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import type { AnalysisStore } from './store';
import { toLspDiagnostic } from './diagnostics';

export interface ValidatorDeps {
  documents: TextDocuments<TextDocument>;
  store: AnalysisStore;
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  debounce(): number;
  /** True while a newer text of the document is read but not yet applied (arrivals.ts). */
  superseded(uri: string): boolean;
  /** Resolves once settings are known; nothing is published before. */
  ready: Promise<void>;
  error(message: string): void;
}

export class Validator {
  /** Cancels the pending run, per document. */
  private readonly timers = new Map<string, () => void>();
  /** Last version validated or scheduled, per open document. */
  private readonly seen = new Map<string, number>();
  /** The analysis last published, per open document (a refresh that finds the same one is silent). */
  private readonly published = new Map<string, Analysis>();

  constructor(private readonly deps: ValidatorDeps) {}

  opened(doc: TextDocument): void {
    this.seen.set(doc.uri, doc.version);
    this.cancel(doc.uri);
    void this.deps.ready.then(() => this.run(doc.uri));
  }

  changed(doc: TextDocument): void {
    // TextDocuments also reports content on open; that version is already handled.
    if (this.seen.get(doc.uri) === doc.version) return;
    this.seen.set(doc.uri, doc.version);
    this.schedule(doc.uri, false);
  }

  /** Another file these documents depend on changed: re-check them (debounced), publish if different. */
  refresh(uris: readonly string[]): void {
    for (const uri of uris) {
      // A pending run for the document's own change publishes anyway; keep that one.
      if (!this.timers.has(uri) && this.deps.documents.get(uri)) this.schedule(uri, true);
    }
  }

  private schedule(uri: string, onlyIfChanged: boolean): void {
    this.cancel(uri);
    const delay = this.deps.debounce();
    const fire = () => {
      this.timers.delete(uri);
      void this.deps.ready.then(() => this.run(uri, onlyIfChanged));
    };
    // setTimeout waits at least 1 ms; with no debounce, run as soon as pending messages are read.
    if (delay > 0) {
      const timer = setTimeout(fire, delay);
      this.timers.set(uri, () => clearTimeout(timer));
    } else {
      const immediate = setImmediate(fire);
      this.timers.set(uri, () => clearImmediate(immediate));
    }
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.seen.delete(uri);
    this.published.delete(uri);
    this.deps.store.delete(uri);
    this.deps.publish(uri, undefined, []);
  }

  /** Settings changed: validate every open document now. */
  all(): void {
    for (const doc of this.deps.documents.all()) {
      this.cancel(doc.uri);
      this.run(doc.uri);
    }
  }

  private cancel(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
  }

  private run(uri: string, onlyIfChanged = false): void {
    const doc = this.deps.documents.get(uri);
    if (!doc) return;
    // A newer version is read and waiting: check that one instead. Its change normally reschedules
    // (and cancels this retry); the retry covers a change that turns out to change nothing.
    if (this.deps.superseded(uri)) {
      this.schedule(uri, onlyIfChanged);
      return;
    }
    let diagnostics: Diagnostic[] = [];
    try {
      const analysis = this.deps.store.get(doc);
      if (onlyIfChanged && this.published.get(uri) === analysis) return;
      this.published.set(uri, analysis);
      diagnostics = analysis.result.diagnostics.map((d) => toLspDiagnostic(d, uri));
    } catch (e) {
      this.published.delete(uri);
      // Stale squiggles would point at moved text: publish none rather than keep them.
      this.deps.error(`xxgk: validation of ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    this.deps.publish(uri, doc.version, diagnostics);
  }
}
