/**
 * Where a CLI command writes: standard output and standard error, or a test's buffers. Its own file
 * so the subcommands need not import main.ts, which imports them.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}
