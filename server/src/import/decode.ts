/**
 * Bytes of a text or HTML file to a string. Files saved by Chinese Windows tools are often GB18030
 * (GBK) rather than UTF-8; a byte-order mark or valid UTF-8 wins, GB18030 is the fallback.
 */

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
    } catch {
      // A runtime without the GB18030 decoder: replacement characters rather than nothing.
      return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
    }
  }
}

/** Whether bytes look like a binary file that is not one of the inputs (NUL bytes in the first KB). */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  // UTF-16 text has NULs too, but starts with a byte-order mark.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  return head.includes(0);
}
