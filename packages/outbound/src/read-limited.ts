/** A response body read under a byte cap. */
export interface LimitedBody {
  /** The bytes kept: at most the cap. */
  bytes: Buffer;
  /** Bytes taken from the network, at most one chunk past the cap. */
  bytesRead: number;
  /** True when the body was longer than the cap: reading stopped and the rest was never fetched. */
  truncated: boolean;
}

/**
 * Reads a body chunk by chunk and stops at `maxBytes`, cancelling the stream so the
 * rest of an oversized answer is neither downloaded nor held in memory (the connection
 * is dropped). A declared Content-Length beyond the cap stops it before the first read.
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  declaredLength?: string | null,
): Promise<LimitedBody> {
  if (!body) return { bytes: Buffer.alloc(0), bytesRead: 0, truncated: false };
  if (declaredLength && Number(declaredLength) > maxBytes) {
    await body.cancel().catch(() => undefined);
    return { bytes: Buffer.alloc(0), bytesRead: 0, truncated: true };
  }
  const reader = body.getReader();
  const chunks: Buffer[] = [];
  let kept = 0;
  let bytesRead = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes: Buffer.concat(chunks, kept), bytesRead, truncated: false };
      bytesRead += value.byteLength;
      const room = maxBytes - kept;
      if (value.byteLength > room) {
        if (room > 0) chunks.push(Buffer.from(value.buffer, value.byteOffset, room));
        await reader.cancel().catch(() => undefined);
        return { bytes: Buffer.concat(chunks, maxBytes), bytesRead, truncated: true };
      }
      chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
      kept += value.byteLength;
    }
  } finally {
    reader.releaseLock();
  }
}
