/**
 * Rule `encoding`: what decoding the file lost or guessed. The edge that read the bytes says when
 * it read GBK/GB18030; the text itself shows U+FFFD (bytes that were not UTF-8, replaced by the
 * edge or by an editor) and lone surrogates (which no file can encode and no edge can save).
 */
import type { I18n } from '../i18n/messages';
import type { Finding } from '../parse/types';

/** Past this many places the file is simply in another encoding: the first ones say enough. */
const MAX_FINDINGS = 20;
/** U+FFFD or any surrogate (paired ones are fine; `undecodable` tells them apart). */
const SUSPECT = /[\ufffd\ud800-\udfff]/;

export function checkEncoding(text: string, encoding: 'utf-8' | 'gb18030' | undefined, t: I18n): Finding[] {
  const out: Finding[] = [];
  if (encoding === 'gb18030') out.push({ code: 'encoding', span: [0, 0], message: t.m.savedAsGb18030() });
  // One linear scan, from the first suspect character (found by the regular-expression engine,
  // much faster than a loop over every character); a run of undecodable characters is one finding.
  const first = text.search(SUSPECT);
  if (first === -1) return out;
  for (let i = first; i < text.length && out.length < MAX_FINDINGS; i++) {
    if (!undecodable(text, i)) continue;
    const start = i;
    let n = 0;
    while (i < text.length && undecodable(text, i)) {
      i++;
      n++;
    }
    out.push({ code: 'encoding', span: [start, i], message: t.m.undecodable(n) });
  }
  return out;
}

function undecodable(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0xfffd) return true;
  if (c >= 0xd800 && c <= 0xdbff) return !(i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00);
  if (c >= 0xdc00 && c <= 0xdfff) return !(i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800);
  return false;
}
