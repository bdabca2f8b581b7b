/** The realm every challenge of the api names. */
export const BEARER_REALM = 'interflow';

/**
 * The `WWW-Authenticate` value of a 401 (RFC 6750 §3): `Bearer realm="interflow"` when
 * no credentials were sent, plus `error` and `error_description` when they were and
 * were malformed (`invalid_request`) or not valid (`invalid_token`). The description is
 * made a safe quoted-string (no `"` or `\`, printable ASCII only).
 */
export function bearerChallenge(error?: 'invalid_request' | 'invalid_token', description?: string): string {
  const parts = [`realm="${BEARER_REALM}"`];
  if (error) {
    parts.push(`error="${error}"`);
    if (description) parts.push(`error_description="${description.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?')}"`);
  }
  return `Bearer ${parts.join(', ')}`;
}
