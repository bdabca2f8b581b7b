import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type Logger } from '@interflow/core';

/** Node's own statuses for what its HTTP parser refuses (see node's `onParserExecuteCommon`). */
function statusOf(code: string | undefined): { status: number; reason: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, reason: 'Request Header Fields Too Large' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, reason: 'Request Timeout' };
  return { status: 400, reason: 'Bad Request' };
}

/**
 * Answers what node's HTTP parser refuses before express sees it (a raw non-ASCII byte
 * or a NUL in the request line or a header, a broken chunked body) in the api's error
 * shape, with one warn line and no stack, instead of node's bare 400. The parser's own
 * code (`HPE_INVALID_URL`…) is in `details`.
 */
export function answerUnparsableRequests(server: Server, logger: Logger): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, reason } = statusOf(error.code);
    const body = JSON.stringify({
      error: { code: 'malformed_http', message: 'the request is not well-formed HTTP', details: { parser_error: error.code ?? null } },
    });
    logger.warn('request refused', { status, code: 'malformed_http', reason: error.code ?? 'unparsable request' });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
