/**
 * The server answers ContentModified when newer text of the document reached it before it started
 * on a request: asked again, it answers for that newer text (the retry is read after the change).
 */
import { LSPErrorCodes, ResponseError } from 'vscode-languageclient';

/** Retries `send` while the server says the content was modified (a few times: typing may go on). */
export async function requestLatest<R>(send: () => Promise<R>, attempts = 5): Promise<R> {
  for (let i = 1; ; i++) {
    try {
      return await send();
    } catch (e) {
      if (i >= attempts || !(e instanceof ResponseError) || e.code !== LSPErrorCodes.ContentModified) throw e;
    }
  }
}
