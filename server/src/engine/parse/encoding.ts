/**
 * Bytes of a report source → text. UTF-8 is the format's encoding; a file older Windows editors
 * saved as GBK/GB18030 is recognised and read as such (the engine then warns and says how to save
 * it as UTF-8); anything else undecodable becomes U+FFFD, which the engine warns about, so no byte
 * is lost silently. A byte-order mark is dropped, as editors do: columns count what they show.
 */

export interface Decoded {
  text: string;
  /** How the bytes were read. */
  encoding: 'utf-8' | 'gb18030';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false });

/** GB18030 decoder, when the runtime has it (Node built with full ICU, which is the default). */
function gb18030(): InstanceType<typeof TextDecoder> | undefined {
  try {
    return new TextDecoder('gb18030', { fatal: true });
  } catch {
    return undefined;
  }
}

/**
 * Whether text decoded as GB18030 reads as Chinese: almost any byte string decodes as GB18030, so
 * it is taken only when the non-ASCII characters are overwhelmingly common Han characters and
 * CJK punctuation (as in every report), not the rare or private-use ones misread bytes give.
 */
function readsAsChinese(text: string): boolean {
  let wide = 0;
  let han = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) continue;
    wide++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) han++;
  }
  return wide > 0 && han / wide >= 0.9;
}

/** The bytes as UTF-8 (a byte-order mark dropped), or undefined when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeSource(bytes: Uint8Array): Decoded {
  const text = decodeUtf8(bytes);
  if (text !== undefined) return { text, encoding: 'utf-8' };
  // Not UTF-8: GB18030 (a superset of GBK), else UTF-8 with replacement characters.
  const gb = gb18030();
  if (gb) {
    try {
      const text = gb.decode(bytes);
      if (readsAsChinese(text)) return { text, encoding: 'gb18030' };
    } catch {
      // Not GB18030 either.
    }
  }
  return { text: utf8Lenient.decode(bytes), encoding: 'utf-8' };
}
