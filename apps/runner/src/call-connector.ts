import { buildConnectorCall, type CallEnvelope, type HttpVerb } from '@interflow/connector-sdk';
import { classifyResponse, transportFailure, type CallOutcome } from './call-outcome';

export interface ConnectorCallInput {
  baseUrl: string;
  verb: HttpVerb;
  path: string;
  signingSecret: string;
  envelope: CallEnvelope;
  timeoutMs: number;
  /** Aborted when the runner gives up on the call (shutdown grace over, lease lost). */
  signal: AbortSignal;
  now: () => Date;
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
  const timeout = AbortSignal.timeout(input.timeoutMs);
  try {
    const response = await fetch(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      signal: AbortSignal.any([input.signal, timeout]),
    });
    const body = await readBody(response);
    const outcome = classifyResponse(response.status, response.headers.get('retry-after'), body, input.now());
    return { outcome, durationMs: Date.now() - started };
  } catch (error) {
    if (input.signal.aborted) throw new CallInterrupted(input.signal.reason);
    return { outcome: transportFailure(error, timeout.aborted, input.timeoutMs), durationMs: Date.now() - started };
  }
}

/** JSON when it parses, else the text (cut to a size worth storing). */
async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.length > MAX_STORED_TEXT ? `${text.slice(0, MAX_STORED_TEXT)}…` : text;
  }
}
