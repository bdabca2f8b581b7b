import { DEFAULT_SIGNATURE_TOLERANCE_MS, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature, type SignatureVerdict } from './signature';
import {
  verifyStandardWebhook,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from './standard-webhooks';

export interface VerifyCallInput {
  secret: string;
  /** The signed bytes: the body, or the context header for GET. */
  payload: string;
  header(name: string): string | undefined;
  now?: Date;
  toleranceMs?: number;
  /** Accept a call signed only with the original x-interflow-signature scheme. */
  acceptLegacy: boolean;
}

/**
 * Which signature a call is judged by: Standard Webhooks when it carries a
 * `webhook-signature` (then that verdict is final), otherwise the original scheme while
 * legacy calls are accepted. A call with neither is refused naming the headers expected.
 */
export function verifyCallSignature(input: VerifyCallInput): SignatureVerdict {
  const toleranceMs = input.toleranceMs ?? DEFAULT_SIGNATURE_TOLERANCE_MS;
  if (input.header(WEBHOOK_SIGNATURE_HEADER) !== undefined || !input.acceptLegacy) {
    return verifyStandardWebhook({
      secret: input.secret,
      payload: input.payload,
      id: input.header(WEBHOOK_ID_HEADER),
      timestamp: input.header(WEBHOOK_TIMESTAMP_HEADER),
      signature: input.header(WEBHOOK_SIGNATURE_HEADER),
      now: input.now,
      toleranceMs,
    });
  }
  const verdict = verifySignature({
    secret: input.secret,
    payload: input.payload,
    timestampHeader: input.header(TIMESTAMP_HEADER),
    signatureHeader: input.header(SIGNATURE_HEADER),
    now: input.now,
    toleranceMs,
  });
  if (!verdict.valid && verdict.reason === 'missing_headers') {
    return { ...verdict, message: `sign with Standard Webhooks (${WEBHOOK_ID_HEADER}, ${WEBHOOK_TIMESTAMP_HEADER}, ${WEBHOOK_SIGNATURE_HEADER}) or ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER}` };
  }
  return verdict;
}
