import { type Logger } from '@interflow/core';
import type { ExampleSetup, HttpConnectorSetup } from './daemons';
import { apiClient, type Named } from './register-example';

export const HTTP_CONNECTOR_NAMES = {
  service: 'http',
  exampleDeployment: 'example-orders-http',
  exampleAction: 'example-http-list-orders',
} as const;

export interface RegisterHttpConnectorOptions {
  /** An admin token for the api (see registration-token.ts). */
  token: string;
  logger: Logger;
  apiUrl: string;
  http: HttpConnectorSetup;
  /** With the example: a deployment of the fake orders API through the HTTP connector. */
  example: ExampleSetup | null;
}

/**
 * Registers the built-in HTTP connector as the service `http` (methods imported from
 * it), refreshing its URL on every start (its signing secret only when new). With the example, also a
 * deployment of the fake orders API declared as data (bearer auth, one operation) and an
 * action running it: an API reached without writing a connector.
 */
export async function registerHttpConnector(options: RegisterHttpConnectorOptions): Promise<{ serviceId: string; actionId: string | null }> {
  const api = apiClient(options.apiUrl, options.token);
  let service = await api.findByName('/v1/services', HTTP_CONNECTOR_NAMES.service);
  if (service) {
    await api.send('PATCH', `/v1/services/${service.id}`, { base_url: options.http.connectorUrl });
    if (options.http.signingSecretIsNew) {
      await api.send('POST', `/v1/services/${service.id}/signing-secret`, { signing_secret: options.http.signingSecret });
    }
  } else {
    service = await api.send<Named>('POST', '/v1/services', {
      name: HTTP_CONNECTOR_NAMES.service,
      description: 'The built-in HTTP connector: a deployment declares a REST API (base URL, authentication, operations)',
      base_url: options.http.connectorUrl,
      signing_secret: options.http.signingSecret,
    });
  }
  await api.send('POST', `/v1/services/${service.id}/methods/import`);
  if (!options.example) return { serviceId: service.id, actionId: null };

  const connection = {
    base_url: options.example.fakeOrdersApiUrl,
    auth: { kind: 'bearer' },
    operations: {
      'list-orders': { verb: 'GET', path: '/orders', pick: 'orders[].{id: id, status: status}' },
      'get-order': { verb: 'GET', path: '/orders/{id}' },
    },
  };
  let deployment = await api.findByName('/v1/deployments', HTTP_CONNECTOR_NAMES.exampleDeployment);
  if (deployment) {
    await api.send('PATCH', `/v1/deployments/${deployment.id}`, { connection });
  } else {
    deployment = await api.send<Named>('POST', '/v1/deployments', {
      name: HTTP_CONNECTOR_NAMES.exampleDeployment,
      description: 'The fake orders API through the HTTP connector: no connector code',
      service_id: service.id,
      connection,
      credentials: { token: options.example.fakeOrdersApiKey },
    });
  }
  const action =
    (await api.findByName('/v1/actions', HTTP_CONNECTOR_NAMES.exampleAction)) ??
    (await api.send<Named>('POST', '/v1/actions', {
      name: HTTP_CONNECTOR_NAMES.exampleAction,
      description: 'Lists the fake orders through the HTTP connector',
      deployment_id: deployment.id,
      method: 'call',
      default_input: { operation: 'list-orders' },
    }));
  return { serviceId: service.id, actionId: action.id };
}
