import { z } from 'zod';
import { isSystemName, RESERVED_NAME_MESSAGE } from '@interflow/broker';

/**
 * Exchange and queue names as the api accepts them: letters, digits and `_ . : -`, so a
 * name is safe in a URL path segment and in a log line. The default exchange (the empty
 * name) is addressed through `POST /v1/queues/{name}/publish` instead.
 */
export const resourceName = z
  .string({ message: 'expected a string' })
  .min(1, { message: 'must not be empty' })
  .max(200, { message: 'must be at most 200 characters' })
  .regex(/^[A-Za-z0-9_.:-]+$/, { message: 'may contain only letters, digits and _ . : -' });

/** `{name}` of `/v1/exchanges/{name}` and `/v1/queues/{name}`. */
export const nameParams = z.object({ name: resourceName });

/**
 * A name a user may give to (or point at) a queue or exchange: `resourceName` outside the
 * reserved `interflow.` prefix, whose objects are Interflow's own.
 */
export const userTopologyName = resourceName.refine((name) => !isSystemName(name), { message: RESERVED_NAME_MESSAGE });
