import { z } from 'zod';
import { signPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';
import { signStandardWebhook } from './standard-webhooks';

/**
 * The wire format of one call from the runner to a connector, in one place for both
 * sides. The context travels as JSON (snake_case, like the rest of Interflow):
 *
 *   { "deployment": { "id", "name", "connection", "credentials" },
 *     "input": {...}, "run": { "id", "action_id" }, "attempt": 1 }
 *
 * Verbs with a body carry it as the body. GET and HEAD cannot, so there it travels
 * base64url-encoded in the `x-interflow-context` header. Either way the signature covers
 * exactly those bytes.
 *
 * Each call carries two signatures over the same bytes during the transition: Standard
 * Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`; standard-webhooks.ts)
 * and the original `x-interflow-timestamp` / `x-interflow-signature` (signature.ts), so
 * connectors verifying either keep working. See docs/connectors.md.
 */

export const CONTEXT_HEADER = 'x-interflow-context';
export const HTTP_VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpVerb = (typeof HTTP_VERBS)[number];

export const callEnvelopeSchema = z.object({
  deployment: z.object({
    id: z.string().min(1),
    name: z.string(),
    connection: z.record(z.string(), z.unknown()),
    credentials: z.record(z.string(), z.unknown()),
  }),
  input: z.record(z.string(), z.unknown()),
  run: z.object({ id: z.string().min(1), action_id: z.string().min(1) }),
  attempt: z.number().int().min(1),
});

export type CallEnvelope = z.infer<typeof callEnvelopeSchema>;

export interface ConnectorCall {
  url: string;
  method: HttpVerb;
  headers: Record<string, string>;
  body?: string;
}

export interface BuildConnectorCallInput {
  /** The service's base URL, e.g. http://connector:4000 or http://host/prefix. */
  baseUrl: string;
  verb: HttpVerb;
  /** The method's path; `{name}` placeholders are filled from the input, URL-encoded. */
  path: string;
  envelope: CallEnvelope;
  signingSecret: string;
  now?: Date;
}

/** `/accounts/{id}` with `{id: 'a b'}` → `/accounts/a%20b`. A missing parameter is an error. */
export function fillPathParameters(path: string, input: Record<string, unknown>): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, (_match, name: string) => {
    const value = input[name];
    if (value === undefined || value === null || typeof value === 'object') {
      throw new Error(`the input has no scalar '${name}' for the path parameter in '${path}'`);
    }
    return encodeURIComponent(String(value));
  });
}

export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The Standard Webhooks message id of a call: one per attempt of a run. */
export function callMessageId(envelope: CallEnvelope): string {
  return `msg_${envelope.run.id}_${envelope.attempt}`;
}

/** What the runner sends: the URL, verb, signed headers and body of one call. */
export function buildConnectorCall(input: BuildConnectorCallInput): ConnectorCall {
  const url = joinUrl(input.baseUrl, fillPathParameters(input.path, input.envelope.input));
  const json = JSON.stringify(input.envelope);
  const signatures = (payload: string) => ({
    ...signStandardWebhook(input.signingSecret, callMessageId(input.envelope), payload, input.now),
    ...signPayload(input.signingSecret, payload, input.now),
  });
  if (input.verb === 'GET') {
    const encoded = Buffer.from(json, 'utf8').toString('base64url');
    return { url, method: input.verb, headers: { ...signatures(encoded), [CONTEXT_HEADER]: encoded } };
  }
  return { url, method: input.verb, headers: { ...signatures(json), 'content-type': 'application/json' }, body: json };
}

/** The bytes a connector must verify for a request of this verb. */
export function signedPayloadOf(verb: string, rawBody: string, contextHeader: string | undefined): string {
  return verb === 'GET' || verb === 'HEAD' ? (contextHeader ?? '') : rawBody;
}

/** Decodes the (already verified) payload into the envelope; throws a zod error when malformed. */
export function decodeCallEnvelope(verb: string, payload: string): CallEnvelope {
  const json = verb === 'GET' || verb === 'HEAD' ? Buffer.from(payload, 'base64url').toString('utf8') : payload;
  return callEnvelopeSchema.parse(JSON.parse(json));
}

export { SIGNATURE_HEADER, TIMESTAMP_HEADER };
