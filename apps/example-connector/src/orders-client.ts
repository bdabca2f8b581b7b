import { callDeadline, PermanentError, RateLimitedError, RetryableError, type CallDeployment } from '@interflow/connector-sdk';
import type { Order } from './fake-orders-api/orders-api';

/**
 * The connector's client for the orders API. Its one job beyond fetch: turn the foreign
 * system's answers into the SDK's errors, so the runner retries what can succeed later
 * and dead-letters what cannot.
 */
export class OrdersClient {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly signal?: AbortSignal,
  ) {}

  /** Reads `connection.base_url` and `credentials.api_key` of the deployment. */
  static forDeployment(deployment: CallDeployment, signal?: AbortSignal): OrdersClient {
    const baseUrl = deployment.connection.base_url;
    const apiKey = deployment.credentials.api_key;
    if (typeof baseUrl !== 'string' || !baseUrl) throw new PermanentError('the deployment has no connection.base_url', { status: 400 });
    if (typeof apiKey !== 'string' || !apiKey) throw new PermanentError('the deployment has no credentials.api_key', { status: 400 });
    return new OrdersClient(baseUrl.replace(/\/+$/, ''), apiKey, signal);
  }

  listOrders(): Promise<{ orders: Order[] }> {
    return this.request('GET', '/orders');
  }

  getOrder(id: string): Promise<Order> {
    return this.request('GET', `/orders/${encodeURIComponent(id)}`);
  }

  createOrder(fields: { customer: string; total: number }): Promise<Order> {
    return this.request('POST', '/orders', fields);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    let text: string;
    const deadline = callDeadline(this.signal, 10_000);
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: deadline.signal,
      });
      text = await response.text();
    } catch (error) {
      throw new RetryableError(`the orders API is unreachable: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      deadline.release();
    }
    const parsed = text ? (JSON.parse(text) as unknown) : null;
    if (response.ok) return parsed as T;
    const message = (parsed as { message?: string } | null)?.message ?? `HTTP ${response.status}`;
    if (response.status === 429) {
      const retryAfterSeconds = Number(response.headers.get('retry-after') ?? '1');
      throw new RateLimitedError(`the orders API is rate limiting: ${message}`, (Number.isFinite(retryAfterSeconds) ? retryAfterSeconds : 1) * 1000);
    }
    if (response.status >= 500) throw new RetryableError(`the orders API failed: ${message}`);
    if (response.status === 401 || response.status === 403) {
      throw new PermanentError(`the orders API refused the deployment's credentials: ${message}`, { status: 424 });
    }
    throw new PermanentError(`the orders API refused the request: ${message}`, { status: response.status === 404 ? 404 : 422 });
  }
}
