/**
 * Find where a piece of a scalar's value sits in the source. Block scalars keep each line
 * verbatim (only indentation differs), so matching line by line gives exact spans; escaped or
 * folded text that cannot be found falls back to the whole node.
 */
import type { Span } from './types';

export function locate(source: string, within: Span, needle: string, from = within[0]): Span {
  const lines = needle.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length === 0) return within;
  const first = source.indexOf(lines[0], Math.max(from, within[0]));
  if (first === -1 || first >= within[1]) return within;
  let end = first + lines[0].length;
  for (let i = 1; i < lines.length; i++) {
    const next = source.indexOf(lines[i], end);
    if (next === -1 || next >= within[1]) break;
    end = next + lines[i].length;
  }
  return [first, Math.min(end, within[1])];
}
