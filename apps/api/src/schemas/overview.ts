import { z } from 'zod';
import { RUN_STATUSES, type Principal, type RunsInMinute } from '@interflow/registry';

export const overviewQuery = z.strictObject({
  minutes: z.coerce.number().int().min(1).max(1440).default(60).describe('how many minutes of runs, up to now'),
});

export const TOKEN_REACHES = ['installation', 'deployments', 'inbox'] as const;

/** What a token may reach: its recipient's inbox only, the deployments it is limited to, or the whole installation (as its role allows). */
export function tokenReach(principal: Principal): (typeof TOKEN_REACHES)[number] {
  if (principal.recipientId) return 'inbox';
  return principal.deploymentScopes === null ? 'installation' : 'deployments';
}

export const whoamiJson = z.object({
  name: z.string(),
  role: z.enum(['viewer', 'operator', 'admin']),
  deployment_scopes: z.array(z.uuid()).nullable().describe('null: every deployment'),
  recipient: z
    .object({ id: z.uuid(), name: z.string() })
    .nullable()
    .describe('the recipient the token is bound to (it reaches only that inbox, whatever its role); null: none'),
  reach: z
    .enum(TOKEN_REACHES)
    .describe(
      'what the token may do: `installation` everything its role allows; `deployments` that, limited to deployment_scopes (and no installation-wide changes); `inbox` only its recipient\'s inbox (/v1/inbox: read, mark read, confirm, live stream)',
    ),
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
