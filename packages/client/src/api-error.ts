/** One wrong field, as the api's validation errors name it. */
export interface ApiErrorDetail {
  field: string;
  message: string;
}

function isDetail(value: unknown): value is ApiErrorDetail {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorDetail).field === 'string';
}

/**
 * An answer of the api other than 2xx, carrying its `{"error": {code, message, details}}`.
 * An answer that is not the api's error shape (a proxy's 502 page) keeps the status and
 * says so in `code` (`http_<status>`).
 */
export class InterflowApiError extends Error {
  override readonly name = 'InterflowApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }

  /** The fields `details` names (validation errors), in order. */
  get fields(): ApiErrorDetail[] {
    return Array.isArray(this.details) ? this.details.filter(isDetail) : [];
  }

  /** The error body the api answered (already parsed), or whatever came instead. */
  static fromBody(status: number, body: unknown): InterflowApiError {
    const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
    if (typeof error === 'object' && error !== null) {
      const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
      if (typeof code === 'string' && typeof message === 'string') return new InterflowApiError(status, code, message, details);
    }
    const text = typeof body === 'string' && body.trim() ? `: ${body.trim().slice(0, 200)}` : '';
    return new InterflowApiError(status, `http_${status}`, `the api answered ${status}${text}`, undefined);
  }
}
