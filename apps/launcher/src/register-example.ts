import type { ExampleSetup } from './daemons';

export const EXAMPLE_NAMES = {
  service: 'example-orders',
  deployment: 'example-orders-demo',
  action: 'example-new-orders',
  schedule: 'example-new-orders-poll',
  statesToken: 'example-orders connector (action states)',
} as const;

export interface RegisterExampleOptions {
  /** An admin token for the api (see registration-token.ts). */
  token: string;
  apiUrl: string;
  example: ExampleSetup;
  scheduleEveryMs: number;
}

export interface Named {
  id: string;
  name: string;
}

/**
 * Registers the example through the api, the way an operator would: the service (its
 * methods imported from the connector), a deployment of it, an action, and a schedule
 * that runs the action every few seconds. Idempotent by name, so every `npm start` finds
 * what the last one made and only refreshes the URLs (and the signing secret when it is new).
 */
export async function registerExample(options: RegisterExampleOptions): Promise<{ actionId: string }> {
  const api = apiClient(options.apiUrl, options.token);
  const { example } = options;
  let service = await api.findByName('/v1/services', EXAMPLE_NAMES.service);
  if (service) {
    await api.send('PATCH', `/v1/services/${service.id}`, { base_url: example.connectorUrl });
    if (example.signingSecretIsNew) {
      await api.send('POST', `/v1/services/${service.id}/signing-secret`, { signing_secret: example.signingSecret });
    }
  } else {
    service = await api.send<Named>('POST', '/v1/services', {
      name: EXAMPLE_NAMES.service,
      description: 'The example connector: orders of a fake orders API',
      base_url: example.connectorUrl,
      signing_secret: example.signingSecret,
    });
  }
  await api.send('POST', `/v1/services/${service.id}/methods/import`);

  const connection = { base_url: example.fakeOrdersApiUrl, interflow_api_url: options.apiUrl };
  let deployment = await api.findByName('/v1/deployments', EXAMPLE_NAMES.deployment);
  if (deployment) {
    await api.send('PATCH', `/v1/deployments/${deployment.id}`, { connection });
  } else {
    const statesToken = await api.send<{ token: string }>('POST', '/v1/tokens', { name: EXAMPLE_NAMES.statesToken, role: 'operator' });
    deployment = await api.send<Named>('POST', '/v1/deployments', {
      name: EXAMPLE_NAMES.deployment,
      description: 'The fake orders API, polled by the example schedule',
      service_id: service.id,
      connection,
      credentials: { api_key: example.fakeOrdersApiKey, interflow_token: statesToken.token },
      rate_limit: { requests: 5, interval_ms: 1000 },
      max_concurrency: 2,
    });
  }

  const action =
    (await api.findByName('/v1/actions', EXAMPLE_NAMES.action)) ??
    (await api.send<Named>('POST', '/v1/actions', {
      name: EXAMPLE_NAMES.action,
      description: 'Orders that are new or changed since the last run',
      deployment_id: deployment.id,
      method: 'list-new-orders',
      default_input: { limit: 50 },
    }));

  if (!(await api.findByName('/v1/schedules', EXAMPLE_NAMES.schedule))) {
    await api.send('POST', '/v1/schedules', {
      name: EXAMPLE_NAMES.schedule,
      description: 'Runs the example action every few seconds',
      target: { type: 'action', action_id: action.id, input: {} },
      rule: { type: 'interval', every_ms: options.scheduleEveryMs },
      overlap_policy: 'skip',
    });
  }
  return { actionId: action.id };
}

/** A small client of the api for registration (names are unique, so lookup by name). */
export function apiClient(apiUrl: string, token: string) {
  const send = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  return {
    send,
    /** The first item of a list with this name (the example's resources are few: one page is enough). */
    async findByName(path: string, name: string): Promise<Named | null> {
      const page = await send<{ items: Named[] }>('GET', `${path}?limit=500`);
      return page.items.find((item) => item.name === name) ?? null;
    },
  };
}
