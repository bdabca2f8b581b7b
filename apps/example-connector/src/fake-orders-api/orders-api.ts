import crypto from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * A small stand-in for a foreign system: an orders API with bearer-key auth, the kind of
 * thing a real connector wraps. Orders live in memory; `newOrderEveryMs` makes new ones
 * appear on their own so a scheduled action has something new to find.
 */

export interface Order {
  id: string;
  customer: string;
  total: number;
  status: 'open' | 'paid' | 'shipped' | 'cancelled';
  updated_at: string;
}

export interface FakeOrdersApiOptions {
  apiKey: string;
  /** Orders present at start. */
  seedOrders?: number;
  /** Add an order this often; 0: never. */
  newOrderEveryMs?: number;
}

export interface FakeOrdersApi {
  app: express.Express;
  orders: Map<string, Order>;
  /** Requests answered so far (tests count calls). */
  requestCount(): number;
  addOrder(fields?: Partial<Pick<Order, 'customer' | 'total'>>): Order;
  stop(): void;
}

const CUSTOMERS = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov', 'Donald Knuth'];
const STATUSES = new Set<Order['status']>(['open', 'paid', 'shipped', 'cancelled']);

export function createFakeOrdersApi(options: FakeOrdersApiOptions): FakeOrdersApi {
  const orders = new Map<string, Order>();
  let sequence = 0;
  let requests = 0;

  const addOrder = (fields: Partial<Pick<Order, 'customer' | 'total'>> = {}): Order => {
    sequence += 1;
    const order: Order = {
      id: `ord_${String(sequence).padStart(5, '0')}_${crypto.randomBytes(2).toString('hex')}`,
      customer: fields.customer ?? CUSTOMERS[sequence % CUSTOMERS.length] ?? 'Someone',
      total: fields.total ?? Math.round(1000 + ((sequence * 7919) % 90_000)) / 100,
      status: 'open',
      updated_at: new Date().toISOString(),
    };
    orders.set(order.id, order);
    return order;
  };
  for (let i = 0; i < (options.seedOrders ?? 3); i++) addOrder();
  const timer = options.newOrderEveryMs ? setInterval(() => addOrder(), options.newOrderEveryMs) : undefined;
  timer?.unref();

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    requests += 1;
    if (req.header('authorization') !== `Bearer ${options.apiKey}`) {
      res.status(401).json({ message: 'missing or wrong API key' });
      return;
    }
    next();
  });
  app.get('/orders', (_req, res) => {
    res.json({ orders: [...orders.values()].reverse() });
  });
  app.get('/orders/:id', (req, res) => {
    const order = orders.get(req.params.id);
    if (!order) {
      res.status(404).json({ message: `no order ${req.params.id}` });
      return;
    }
    res.json(order);
  });
  app.post('/orders', (req, res) => {
    const body = (req.body ?? {}) as { customer?: unknown; total?: unknown };
    if (typeof body.customer !== 'string' || typeof body.total !== 'number' || body.total <= 0) {
      res.status(422).json({ message: 'customer (string) and total (positive number) are required' });
      return;
    }
    res.status(201).json(addOrder({ customer: body.customer, total: body.total }));
  });
  app.patch('/orders/:id', (req, res) => {
    const order = orders.get(req.params.id);
    const status = (req.body as { status?: unknown } | undefined)?.status;
    if (!order) {
      res.status(404).json({ message: `no order ${req.params.id}` });
      return;
    }
    if (typeof status !== 'string' || !STATUSES.has(status as Order['status'])) {
      res.status(422).json({ message: `status must be one of ${[...STATUSES].join(', ')}` });
      return;
    }
    order.status = status as Order['status'];
    order.updated_at = new Date().toISOString();
    res.json(order);
  });

  return {
    app,
    orders,
    requestCount: () => requests,
    addOrder,
    stop: () => clearInterval(timer),
  };
}
