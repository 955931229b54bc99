/**
 * Which documents already have newer text on the wire. vscode-jsonrpc reads every complete message
 * as soon as it arrives but handles one per turn of the event loop, so a request or a diagnostics
 * run can start while the didChange that supersedes its text is read and waiting. Such work is
 * dropped: a request answers ContentModified, a diagnostics run is skipped (the waiting change
 * schedules the next one).
 *
 * A document counts as superseded while a didOpen/didChange/didClose naming it has been read but
 * not yet handed to its handler. The count goes down when the message is dequeued (before its
 * handler runs, whatever the handler then does), so a malformed change cannot leave a document
 * marked stale for good.
 */
import { IPCMessageReader, ReadableStreamMessageReader } from 'vscode-languageserver/node';
import type { DataCallback, Disposable, Message, MessageStrategy } from 'vscode-languageserver/node';

const TEXT_SYNC = new Set(['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose']);

/** Text-sync notifications read but not yet handled, per document URI (absent: none). */
const waiting = new Map<string, number>();

/** The document a text-sync notification is about; undefined for every other message. */
function documentOf(message: Message): string | undefined {
  const m = message as { method?: unknown; params?: { textDocument?: { uri?: unknown } } };
  if (typeof m.method !== 'string' || !TEXT_SYNC.has(m.method)) return undefined;
  const uri = m.params?.textDocument?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

function read(message: Message): void {
  const uri = documentOf(message);
  if (uri !== undefined) waiting.set(uri, (waiting.get(uri) ?? 0) + 1);
}

/** Dequeues in order: handed over for handling, the notification no longer waits. */
export const arrivalStrategy: MessageStrategy = {
  handleMessage(message, next) {
    const uri = documentOf(message);
    if (uri !== undefined) {
      const left = (waiting.get(uri) ?? 0) - 1;
      if (left > 0) waiting.set(uri, left);
      else waiting.delete(uri);
    }
    next(message);
  },
};

/** True when newer text (or a close) for `uri` was read and is waiting to be applied. */
export function superseded(uri: string): boolean {
  return waiting.has(uri);
}

type Listen = (callback: DataCallback) => Disposable;
let installed = false;

/**
 * Sees every message as it is read, before it is queued. The transport is chosen by
 * vscode-languageserver from the command line and its reader is not reachable from outside, so
 * the readers' public `listen` is wrapped: stdio, pipe and socket readers share
 * ReadableStreamMessageReader, node-ipc uses IPCMessageReader. Call before createConnection.
 */
export function watchArrivals(): void {
  if (installed) return;
  installed = true;
  for (const proto of [ReadableStreamMessageReader.prototype, IPCMessageReader.prototype] as { listen: Listen }[]) {
    const listen = proto.listen;
    proto.listen = function (this: unknown, callback: DataCallback) {
      return listen.call(this, (message: Message) => {
        read(message);
        callback(message);
      });
    };
  }
}
