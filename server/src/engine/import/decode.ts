/**
 * Bytes of a text or HTML file to a string. Pages saved from government sites are often GB2312/GBK
 * and say so in a `<meta charset>` or `http-equiv="Content-Type"`; files saved by Chinese Windows
 * tools are often GB18030 without saying so. Order: a byte-order mark, then the page's declared
 * charset, then valid UTF-8, then GB18030.
 */

/** Declared charset names (lower case, as browsers match them) to a decoder label. */
const CHARSETS: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb18030: 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  'euc-cn': 'gb18030',
  hz: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  'cn-big5': 'big5',
  // A meta can only be read if the page is ASCII-compatible: browsers treat a declared UTF-16 as UTF-8.
  'utf-16': 'utf-8',
  'utf-16le': 'utf-8',
  'utf-16be': 'utf-8',
};

/** Browsers look for the declaration in the first 1024 bytes; saved pages sometimes push it further. */
const SNIFF_BYTES = 4096;

/** The charset a page declares in its head (`<meta charset=…>` or `content="text/html; charset=…"`). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // Only ASCII matters here: a Latin-1 view of the head never fails whatever the encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const cs = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (cs) return cs[1].toLowerCase();
  }
  return undefined;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeAs(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    // A runtime without this decoder (small ICU): the caller falls back.
    return undefined;
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf8 = strictUtf8(bytes);
  const declared = declaredCharset(bytes);
  const label = declared ? CHARSETS[declared] : undefined;
  // A page declared GBK but re-saved as UTF-8 by an editor keeps its old meta: Chinese text in GBK
  // is practically never valid UTF-8 with multi-byte sequences, so valid UTF-8 with some wins then.
  const reSaved = utf8 !== undefined && /[^\x00-\x7f]/.test(utf8);
  if (label && label !== 'utf-8' && !reSaved) {
    const text = decodeAs(label, bytes);
    if (text !== undefined) return { text, encoding: label };
  }
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb = decodeAs('gb18030', bytes);
  if (gb !== undefined) return { text: gb, encoding: 'gb18030' };
  // Neither: replacement characters rather than nothing.
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
}

/** Whether bytes look like a binary file that is not one of the inputs (NUL bytes in the first KB). */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  // UTF-16 text has NULs too, but starts with a byte-order mark.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  return head.includes(0);
}
