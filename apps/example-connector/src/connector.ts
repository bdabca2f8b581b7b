import crypto from 'node:crypto';
import { z } from 'zod';
import { createConnector, defineMethod, type CallDeployment } from '@interflow/connector-sdk';
import type { Order } from './fake-orders-api/orders-api';
import { OrdersClient } from './orders-client';

/** What the connector needs from Interflow's action states: "which of these are new or changed?" */
export interface ActionStates {
  /** Records each item's content hash and says which ids were new and which changed since last seen. */
  diff(deployment: CallDeployment, actionId: string, items: { fid: string; nonce: string }[]): Promise<{ new: string[]; changed: string[] }>;
}

export interface ExampleConnectorOptions {
  signingSecret: string;
  states: ActionStates;
  onUnexpectedError?: (error: unknown, method: string) => void;
}

/** A content hash: an order whose fields change gets a new nonce, so it shows as changed. */
export function orderNonce(order: Order): string {
  const { id, customer, total, status } = order;
  return crypto.createHash('sha256').update(JSON.stringify([id, customer, total, status])).digest('hex');
}

/**
 * The example connector: three methods over the fake orders API. `list-new-orders` is
 * the interesting one: it reads every order and reports only those the action has not
 * seen before (or that changed), remembered through action states, so a schedule can
 * poll it and pass on only news.
 */
export function createExampleConnector(options: ExampleConnectorOptions) {
  return createConnector({
    name: 'example-orders',
    signingSecret: options.signingSecret,
    onUnexpectedError: options.onUnexpectedError,
    methods: [
      defineMethod({
        name: 'list-new-orders',
        description: 'Orders that are new or changed since this action last looked.',
        path: '/orders/new',
        input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
        handler: async ({ deployment, input, run, signal }) => {
          const { orders } = await OrdersClient.forDeployment(deployment, signal).listOrders();
          const recent = orders.slice(0, input.limit);
          const verdict = await options.states.diff(
            deployment,
            run.actionId,
            recent.map((order) => ({ fid: order.id, nonce: orderNonce(order) })),
          );
          const isNew = new Set(verdict.new);
          const isChanged = new Set(verdict.changed);
          return {
            new_orders: recent.filter((o) => isNew.has(o.id)),
            changed_orders: recent.filter((o) => isChanged.has(o.id)),
            unchanged: recent.length - isNew.size - isChanged.size,
          };
        },
      }),
      defineMethod({
        name: 'get-order',
        description: 'One order by id.',
        verb: 'GET',
        path: '/orders/{id}',
        input: z.object({ id: z.string().min(1) }),
        handler: ({ deployment, input, signal }) => OrdersClient.forDeployment(deployment, signal).getOrder(input.id),
      }),
      defineMethod({
        name: 'create-order',
        description: 'Creates an order.',
        path: '/orders',
        input: z.object({ customer: z.string().min(1), total: z.number().positive() }),
        handler: ({ deployment, input, signal }) => OrdersClient.forDeployment(deployment, signal).createOrder(input),
      }),
    ],
  });
}
