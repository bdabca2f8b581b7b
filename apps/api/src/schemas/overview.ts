import { z } from 'zod';
import { RUN_STATUSES, type RunsInMinute } from '@interflow/registry';

export const overviewQuery = z.strictObject({
  minutes: z.coerce.number().int().min(1).max(1440).default(60).describe('how many minutes of runs, up to now'),
});

export const whoamiJson = z.object({
  name: z.string(),
  role: z.enum(['viewer', 'operator', 'admin']),
  deployment_scopes: z.array(z.uuid()).nullable().describe('null: every deployment'),
});

export const overviewJson = z.object({
  runs_per_minute: z
    .array(z.object({ minute: z.string(), status: z.enum(RUN_STATUSES), count: z.number().int() }))
    .describe('runs created per minute by current status, of deployments the token may read; minutes without runs are absent'),
  scheduler: z
    .object({
      enabled: z.number().int().describe('enabled schedules'),
      due: z.number().int().describe('enabled schedules whose next fire is due now'),
      lag_ms: z.number().int().describe('how late the oldest due fire is (0 when none is due)'),
    })
    .nullable()
    .describe('null for deployment-scoped tokens (schedules are installation-wide)'),
});

export function runsPerMinuteToJson(rows: RunsInMinute[]) {
  return rows.map((row) => ({ minute: row.minute.toISOString(), status: row.status, count: row.count }));
}
