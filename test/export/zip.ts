/**
 * A minimal zip reader for the tests (stored and deflated entries, via the central directory):
 * enough to open a .docx without a dependency.
 */
import { inflateRawSync } from 'node:zlib';

/** File name → contents. Throws on anything that is not a well-formed zip. */
export function unzip(data: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(data);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory: not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressedSize);
    const content = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : undefined;
    if (!content) throw new Error(`${name}: unsupported compression ${method}`);
    if (content.length !== size) throw new Error(`${name}: ${content.length} bytes, header says ${size}`);
    files.set(name, content);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}
