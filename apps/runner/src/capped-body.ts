/**
 * A connector's answer read as a stream, never more than `maxBytes` of it held: past the
 * cap the stream is cancelled (the connection is dropped, the connector stops sending)
 * and what was read so far is kept. A declared Content-Length above the cap is refused
 * before any byte is read.
 */
export type CappedBody =
  | { complete: true; text: string; bytesRead: number }
  | { complete: false; text: string; bytesRead: number; declaredBytes: number | null };

/** What is read of an answer: the global fetch's Response and undici's both fit. */
export interface StreamedAnswer {
  headers: { get(name: string): string | null };
  body: ReadableStream<Uint8Array> | null;
}

export async function readCappedBody(response: StreamedAnswer, maxBytes: number): Promise<CappedBody> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { complete: false, text: '', bytesRead: 0, declaredBytes: declared };
  }
  if (!response.body) return { complete: true, text: '', bytesRead: 0 };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytesRead = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - bytesRead;
    bytesRead += value.byteLength;
    if (value.byteLength > room) {
      if (room > 0) chunks.push(value.subarray(0, room));
      await reader.cancel().catch(() => undefined);
      return { complete: false, text: decode(chunks), bytesRead, declaredBytes: null };
    }
    chunks.push(value);
  }
  return { complete: true, text: decode(chunks), bytesRead };
}

function decode(chunks: Uint8Array[]): string {
  return Buffer.concat(chunks).toString('utf8');
}
