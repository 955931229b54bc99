/**
 * 年度 and 机关 of a report file on disk, for pairing reports across years (cli/previous.ts,
 * lsp/previous.ts). Every sibling of a folder is looked at, so only the top of a file is read when
 * both keys are there, which is where every report has them; the whole text is read when the top
 * does not settle it.
 */
import type { ReportHead } from '../engine';
import { decodeSource, decodeUtf8, readHead } from '../engine';
import { MAX_SOURCE_BYTES, readRegularFilePrefixSync, readRegularFileSync } from './readFile';

/** Bytes read first: a report's head and its opening comments. */
const HEAD_BYTES = 4096;
const LF = 0x0a;

/**
 * The head of the report at `file`, or undefined when it cannot be read (not a regular file, too
 * large, gone). The top is taken up to its last complete line and only when it is valid UTF-8: a
 * line feed byte never occurs inside a UTF-8 or GB18030 character, and `readHead` takes the first
 * `年度` and `机关` lines, so when both are in those lines they are the ones the whole text gives.
 * A file whose top is not UTF-8 (GB18030, say) is read whole and decoded as a source is. One case
 * reads differently: a UTF-8 top in a file that, further down, stops being UTF-8 and decodes whole as
 * GB18030; its head is then the UTF-8 one, where the whole text would give a misread of it.
 */
export function readFileHead(file: string): ReportHead | undefined {
  try {
    const { bytes, whole } = readRegularFilePrefixSync(file, MAX_SOURCE_BYTES, HEAD_BYTES);
    if (!whole) {
      const top = decodeUtf8(bytes.subarray(0, bytes.lastIndexOf(LF) + 1));
      const head = top === undefined ? undefined : readHead(top);
      if (head && head.year !== undefined && head.agency !== undefined) return head;
    }
    return readHead(decodeSource(whole ? bytes : readRegularFileSync(file, MAX_SOURCE_BYTES)).text);
  } catch {
    return undefined;
  }
}
