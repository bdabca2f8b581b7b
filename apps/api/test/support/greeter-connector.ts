import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { z } from 'zod';
import { createConnector, defineMethod } from '@interflow/connector-sdk';
import type { TestApi } from './test-api';

export interface GreeterCall {
  name: string;
  apiKey: unknown;
}

export interface GreeterConnector {
  baseUrl: string;
  /** Every call its `greet` method handled, in order. */
  calls: GreeterCall[];
  close(): Promise<void>;
}

export interface GreeterOptions {
  /** Awaited before a call is answered (given the name and the runner's hang-up signal): holds chosen calls in flight. */
  hold?: (name: string, hungUp: AbortSignal) => Promise<void> | undefined;
}

/** A real connector service built with the SDK, on a loopback port: `greet({name})`. */
export async function startGreeterConnector(signingSecret: string, options: GreeterOptions = {}): Promise<GreeterConnector> {
  const calls: GreeterCall[] = [];
  const app = createConnector({
    name: 'greeter',
    signingSecret,
    methods: [
      defineMethod({
        name: 'greet',
        input: z.object({ name: z.string() }),
        handler: async (context) => {
          calls.push({ name: context.input.name, apiKey: context.deployment.credentials.api_key });
          await options.hold?.(context.input.name, context.signal);
          return { greeting: `hello ${context.input.name}` };
        },
      }),
    ],
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface RegisteredGreeter {
  deploymentId: string;
  actionId: string;
  webhookPath: string;
}

/** The api in process (its express app) or a running api daemon (its base URL), with an admin token. */
export type GreeterRegistrar = Pick<TestApi, 'adminToken' | 'auth'> & { app: TestApi['app'] | string };

/** Registers the greeter through the api: its service, a deployment with an API key, and a `greet` action. */
export async function registerGreeter(
  api: GreeterRegistrar,
  connector: GreeterConnector,
  options: { signingSecret: string; apiKey: string },
): Promise<RegisteredGreeter> {
  const admin = api.auth(api.adminToken);
  const service = await request(api.app)
    .post('/v1/services')
    .set(admin)
    .send({
      name: 'greeter',
      base_url: connector.baseUrl,
      signing_secret: options.signingSecret,
      methods: [{ name: 'greet', path: '/methods/greet', input_schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } }],
    })
    .expect(201);
  const deployment = await request(api.app)
    .post('/v1/deployments')
    .set(admin)
    .send({ name: 'greeter-prod', service_id: service.body.id, credentials: { api_key: options.apiKey } })
    .expect(201);
  const action = await request(api.app)
    .post('/v1/actions')
    .set(admin)
    .send({ name: 'greet', deployment_id: deployment.body.id, method: 'greet' })
    .expect(201);
  return { deploymentId: deployment.body.id, actionId: action.body.id, webhookPath: action.body.webhook_path };
}
