import { z } from 'zod';
import { type ActionState } from '@interflow/registry';
import { pageQueryShape } from '../http/pagination';

const stateItem = z
  .strictObject({
    fid: z.string().min(1).max(500).nullable().optional().describe('foreign id of the item upstream'),
    nonce: z.string().min(1).max(500).nullable().optional().describe('hash of its content'),
  })
  .refine((item) => item.fid != null || item.nonce != null, { message: 'give fid, nonce or both' });

export const recordStatesBody = z.strictObject({ items: z.array(stateItem).min(1).max(1000) });

export const recordStatesJson = z.object({
  items: z.array(
    z.object({ fid: z.string().nullable(), nonce: z.string().nullable(), status: z.enum(['new', 'changed', 'seen']) }),
  ),
});

export const listStatesQuery = z.strictObject({ ...pageQueryShape, fid: z.string().max(500).optional() });
export const deleteStatesQuery = z.strictObject({ fid: z.string().max(500).optional().describe('only this item; without: every state') });

export const stateJson = z.object({
  fid: z.string().nullable(),
  nonce: z.string().nullable(),
  first_seen_at: z.string(),
  last_seen_at: z.string(),
  changed_at: z.string(),
});

export function stateToJson(state: ActionState): z.infer<typeof stateJson> {
  return {
    fid: state.fid,
    nonce: state.nonce,
    first_seen_at: state.firstSeenAt.toISOString(),
    last_seen_at: state.lastSeenAt.toISOString(),
    changed_at: state.changedAt.toISOString(),
  };
}
