import type { Readable } from 'node:stream';

/**
 * A connector's answer read as a stream, never more than `maxBytes` of it held: past the
 * cap the stream is destroyed (the connection is dropped, the connector stops sending)
 * and what was read so far is kept. A declared Content-Length above the cap is refused
 * before any byte is read.
 */
export type CappedBody =
  | { complete: true; text: string; bytesRead: number }
  | { complete: false; text: string; bytesRead: number; declaredBytes: number | null };

/** What is read of an answer: undici's `request` answer fits. */
export interface StreamedAnswer {
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
}

export function readCappedBody(answer: StreamedAnswer, maxBytes: number): Promise<CappedBody> {
  const { body } = answer;
  const declared = Number(answer.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    dropBody(body);
    return Promise.resolve({ complete: false, text: '', bytesRead: 0, declaredBytes: declared });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytesRead = 0;
    const stopListening = () => {
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      const room = maxBytes - bytesRead;
      bytesRead += chunk.length;
      if (chunk.length > room) {
        if (room > 0) chunks.push(chunk.subarray(0, room));
        stopListening();
        dropBody(body);
        resolve({ complete: false, text: decode(chunks), bytesRead, declaredBytes: null });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stopListening();
      resolve({ complete: true, text: decode(chunks), bytesRead });
    };
    const onError = (error: Error) => {
      stopListening();
      reject(error);
    };
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', onError);
  });
}

/** Hangs up on the rest of an answer; an error the dropped stream reports later is of no interest. */
function dropBody(body: Readable) {
  body.on('error', () => undefined);
  body.destroy();
}

function decode(chunks: Buffer[]): string {
  return chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
}
