/**
 * What one attempt of a channel send came to. `permanent` failures are dead-lettered at
 * once (retrying cannot help: a 4xx from a webhook, a destination the outbound policy
 * refuses, an address the mail server rejects for good); `retryable` ones are retried
 * with the queue's backoff until its attempts run out.
 */
export type SendOutcome = { kind: 'sent' } | { kind: 'retryable'; error: string } | { kind: 'permanent'; error: string };

/** A webhook answer: 2xx delivered; 408, 425, 429 and 5xx worth another try; any other status final. */
export function classifyWebhookStatus(status: number): SendOutcome {
  if (status >= 200 && status <= 299) return { kind: 'sent' };
  const error = `the webhook answered ${status}`;
  if (status === 408 || status === 425 || status === 429 || status >= 500) return { kind: 'retryable', error };
  return { kind: 'permanent', error };
}

/**
 * An SMTP failure: a 5xx reply is the server's final word on this message (RFC 5321), a
 * 4xx or no reply at all (connection refused, timeout) is worth another try.
 */
export function classifySmtpError(error: unknown): SendOutcome {
  const smtp = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const text = smtp.response ?? smtp.message ?? String(error);
  if (typeof smtp.responseCode === 'number' && smtp.responseCode >= 500) {
    return { kind: 'permanent', error: `the mail server refused: ${text}` };
  }
  return { kind: 'retryable', error: `e-mail not sent: ${text}` };
}
