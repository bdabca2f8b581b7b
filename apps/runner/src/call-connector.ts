import { buildConnectorCall, callDeadline, type CallEnvelope, type HttpVerb } from '@interflow/connector-sdk';
import { outboundRefusal, type OutboundRequest } from '@interflow/outbound';
import { traceHeaders } from '@interflow/core';
import { readCappedBody, type CappedBody } from './capped-body';
import { classifyResponse, refusedDestination, transportFailure, type CallOutcome } from './call-outcome';

export interface ConnectorCallInput {
  baseUrl: string;
  verb: HttpVerb;
  path: string;
  signingSecret: string;
  envelope: CallEnvelope;
  timeoutMs: number;
  /** Largest answer read (RUNNER_MAX_RESPONSE_BYTES): past it the connection is dropped and a 2xx fails. */
  maxResponseBytes: number;
  /** Aborted when the runner gives up on the call (shutdown grace over, lease lost). */
  signal: AbortSignal;
  now: () => Date;
  /** Checks every connection against the operator's outbound policy; follows no redirect (a connector has no reason to redirect, and following would send the signed call elsewhere). */
  request: OutboundRequest;
}

/** Thrown when `signal` aborted the call: the outcome is unknown, so it is not an attempt result. */
export class CallInterrupted extends Error {
  constructor(reason: unknown) {
    super(`the call was interrupted: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = 'CallInterrupted';
  }
}

const MAX_STORED_TEXT = 64 * 1024;

/**
 * Makes one signed HTTP call to a connector and says what it came to. Never throws for
 * what the connector or the network did (that is the outcome); throws CallInterrupted
 * only when the runner itself abandoned the call.
 */
export async function callConnector(input: ConnectorCallInput): Promise<{ outcome: CallOutcome; durationMs: number }> {
  const started = Date.now();
  const call = buildConnectorCall({
    baseUrl: input.baseUrl,
    verb: input.verb,
    path: input.path,
    envelope: input.envelope,
    signingSecret: input.signingSecret,
    now: input.now(),
  });
  const deadline = callDeadline(input.signal, input.timeoutMs);
  try {
    const response = await input.request(call.url, {
      method: call.method,
      headers: { ...call.headers, ...traceHeaders() },
      body: call.body,
      signal: deadline.signal,
    });
    const read = await readCappedBody(response, input.maxResponseBytes);
    if (!read.complete && response.statusCode >= 200 && response.statusCode <= 299) {
      return { outcome: tooLarge(response.statusCode, read, input.maxResponseBytes), durationMs: Date.now() - started };
    }
    // A failure's body only explains it: a cut-off one is good enough for that.
    const body = parseBody(read.text, read.complete);
    const outcome = classifyResponse(response.statusCode, headerText(response.headers['retry-after']), body, input.now());
    return { outcome, durationMs: Date.now() - started };
  } catch (error) {
    if (input.signal.aborted) throw new CallInterrupted(input.signal.reason);
    const refusal = outboundRefusal(error);
    if (refusal) return { outcome: refusedDestination(refusal.message), durationMs: Date.now() - started };
    return { outcome: transportFailure(error, deadline.timedOut, input.timeoutMs), durationMs: Date.now() - started };
  } finally {
    deadline.release();
  }
}

/** A successful answer too large to take: retrying would bring the same, so the run fails. */
function tooLarge(status: number, read: Extract<CappedBody, { complete: false }>, maxBytes: number): CallOutcome {
  const seen = read.declaredBytes !== null ? `declares ${read.declaredBytes} bytes` : `was cut off after ${read.bytesRead} bytes`;
  return {
    kind: 'permanent',
    status,
    body: null,
    error: `the connector's answer is larger than the runner accepts (RUNNER_MAX_RESPONSE_BYTES = ${maxBytes} bytes): it ${seen}`,
  };
}

function headerText(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** JSON when it parses, else the text (cut to a size worth storing). */
function parseBody(text: string, complete: boolean): unknown {
  if (!text) return null;
  if (complete) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // not JSON: kept as text
    }
  }
  return text.length > MAX_STORED_TEXT || !complete ? `${text.slice(0, MAX_STORED_TEXT)}…` : text;
}
