import type express from 'express';
import { z } from 'zod';
import { createConnector, defineMethod } from '@interflow/connector-sdk';
import type { OutboundFetch } from '@interflow/outbound';
import { callOperation } from './call-operation';
import { OAuth2Tokens } from './oauth2-tokens';

export interface HttpConnectorOptions {
  signingSecret: string;
  /** fetch under the outbound policy: the deployment's base URL must be an allowed destination. */
  fetch: OutboundFetch;
  /** Largest answer read from an API, per page. */
  maxResponseBytes: number;
  onUnexpectedError?: (error: unknown, method: string) => void;
}

/** The service name the launcher registers the HTTP connector under. */
export const HTTP_CONNECTOR_SERVICE = 'http';

/**
 * The built-in HTTP connector. Its one method, `call`, runs the operation the input
 * names (`operation`) as the deployment declares it; the rest of the input fills the
 * operation's placeholders. Every REST API is then a deployment, not a service to write.
 */
export function createHttpConnector(options: HttpConnectorOptions): express.Express {
  const deps = { fetch: options.fetch, tokens: new OAuth2Tokens(options.fetch), maxResponseBytes: options.maxResponseBytes };
  return createConnector({
    name: HTTP_CONNECTOR_SERVICE,
    signingSecret: options.signingSecret,
    onUnexpectedError: options.onUnexpectedError,
    methods: [
      defineMethod({
        name: 'call',
        description: "Runs one of the deployment's declared operations: input.operation names it, the other fields fill its placeholders",
        path: '/call',
        input: z.looseObject({ operation: z.string().min(1).max(100).describe("the name of an operation in the deployment's connection.operations") }),
        handler: ({ deployment, input, signal }) => callOperation(deps, deployment, input, signal),
      }),
    ],
  });
}
