import { z } from 'zod';
import { parseAllowList, type AllowList } from './address-policy';

/**
 * The operator's outbound allow-list, read by every daemon that calls out (api, runner,
 * HTTP connector): comma-separated addresses, CIDR ranges and host names that may be
 * reached although private, loopback or link-local. Empty (the default): only public
 * addresses. `npm start` and the tests set it to loopback explicitly.
 */
export const outboundConfigShape = {
  INTERFLOW_OUTBOUND_ALLOW: z
    .string()
    .default('')
    .transform((text, context): AllowList => {
      try {
        return parseAllowList(text);
      } catch (error) {
        context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
};
