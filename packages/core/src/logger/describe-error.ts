/** What a log line says about an error: never "undefined", always a message, the code when there is one. */
export interface ErrorDescription {
  message: string;
  code?: string;
  name?: string;
}

/**
 * Describes anything that was thrown or rejected. Libraries sometimes reject with
 * nothing at all (`reject()`), or with a plain object; a log line must still say
 * something an operator can act on.
 */
export function describeError(error: unknown): ErrorDescription {
  if (error === undefined || error === null) {
    return { message: `failed without saying why (rejected with ${String(error)})` };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const cause = (error as { cause?: unknown }).cause;
    const causeMessage = cause === undefined ? '' : describeError(cause).message;
    const message = error.message || error.name;
    return {
      name: error.name,
      message: causeMessage && !message.includes(causeMessage) ? `${message}: ${causeMessage}` : message,
      ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    };
  }
  if (typeof error === 'object') {
    const { message, code } = error as { message?: unknown; code?: unknown };
    return {
      message: typeof message === 'string' && message ? message : JSON.stringify(error),
      ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    };
  }
  return { message: String(error) };
}

/** The one JSON line a `main.ts` prints when it cannot start or fails outright. */
export function failureLine(service: string, message: string, error: unknown): string {
  return `${JSON.stringify({ level: 'error', service, message, error: describeError(error) })}\n`;
}
