/**
 * Scroll sync on the extension side, without vscode types (the panel adapts editors to these
 * numbers). Lines are 0-based and fractional: 12.5 is halfway into line 12, so a long paragraph
 * scrolls smoothly instead of jumping from line to line.
 */

/** Editor visible-range events are throttled like Markdown's (50 ms). */
export const SCROLL_THROTTLE_MS = 50;
/** After we reveal a line in the editor, its own visible-range events are our echo for this long. */
export const ECHO_MS = 200;

/**
 * The fractional line at the top of an editor whose first visible position is (line, character):
 * how far into a wrapped line the view starts, as Markdown estimates it.
 */
export function topLine(line: number, character: number, lineLength: number): number {
  return line + Math.min(1, Math.max(0, character / (lineLength + 2)));
}

/** Where to reveal a fractional line: its line, and the character that far into it. */
export function revealPosition(line: number, lineCount: number, lineLength: (line: number) => number): { line: number; character: number } {
  if (!Number.isFinite(line) || lineCount <= 0) return { line: 0, character: 0 };
  const whole = Math.min(Math.max(0, Math.floor(line)), lineCount - 1);
  const fraction = Math.min(Math.max(0, line - whole), 1);
  return { line: whole, character: Math.floor(fraction * lineLength(whole)) };
}

/**
 * Guards the loop "preview scrolls editor → editor scrolls preview → …": while the editor is
 * following the preview, its visible-range changes are not sent back.
 */
export class EchoGuard {
  private until = -Infinity;

  constructor(private readonly now: () => number = Date.now) {}

  /** We are about to move the editor. */
  revealingEditor(): void {
    this.until = this.now() + ECHO_MS;
  }

  /** May an editor scroll be forwarded to the preview? */
  editorMayScrollPreview(): boolean {
    return this.now() >= this.until;
  }
}
