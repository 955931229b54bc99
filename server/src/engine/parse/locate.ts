/**
 * Find where a piece of a scalar's value sits in the source. Block scalars keep each line
 * verbatim (only indentation differs), so matching line by line gives exact spans; escaped or
 * folded text that cannot be found falls back to the whole node.
 */
import type { Span } from './types';

export function locate(source: string, within: Span, needle: string, from = within[0]): Span {
  // Line by line with indexOf, no arrays: every paragraph of a report passes here.
  let first = -1;
  let end = 0;
  for (let start = 0; start <= needle.length; ) {
    const nl = needle.indexOf('\n', start);
    const stop = nl === -1 ? needle.length : nl;
    const line = needle.slice(start, stop).trim();
    start = stop + 1;
    if (!line) continue;
    if (first === -1) {
      first = source.indexOf(line, Math.max(from, within[0]));
      if (first === -1 || first >= within[1]) return within;
      end = first + line.length;
      continue;
    }
    const next = source.indexOf(line, end);
    if (next === -1 || next >= within[1]) break;
    end = next + line.length;
  }
  return first === -1 ? within : [first, Math.min(end, within[1])];
}
