/** The run events of `GET /v1/events` (the stream's other kinds are not about runs). */
export const RUN_EVENT_KINDS = ['run.created', 'run.started', 'run.retrying', 'run.finished'] as const;
export type RunEventKind = (typeof RUN_EVENT_KINDS)[number];

/** What a run event's `data:` carries (see the OpenAPI description of /v1/events). */
export interface RunEvent {
  kind: RunEventKind;
  event_id?: string;
  at?: string;
  run_id: string;
  action_id: string;
  deployment_id: string;
  status: string;
  trigger: string;
  attempts: number;
  from_cache?: boolean;
  duration_ms?: number | null;
}

/** Which runs `runs watch` shows; an absent field lets every run through. */
export interface RunEventFilter {
  actionId?: string;
  deploymentId?: string;
  statuses?: ReadonlySet<string>;
}

export function isRunEventKind(kind: string): kind is RunEventKind {
  return (RUN_EVENT_KINDS as readonly string[]).includes(kind);
}

export function matchesRunFilter(event: RunEvent, filter: RunEventFilter): boolean {
  if (filter.actionId !== undefined && event.action_id !== filter.actionId) return false;
  if (filter.deploymentId !== undefined && event.deployment_id !== filter.deploymentId) return false;
  return filter.statuses === undefined || filter.statuses.has(event.status);
}

/** One line for people: when, what, which run of which action, its status, attempts and duration. */
export function runEventLine(event: RunEvent, actionName: (id: string) => string): string {
  const duration = typeof event.duration_ms === 'number' ? `   ${event.duration_ms} ms` : '';
  const cached = event.from_cache ? '   (cached)' : '';
  return [
    event.at ?? new Date().toISOString(),
    event.kind.padEnd(12),
    event.run_id,
    actionName(event.action_id),
    event.status.padEnd(9),
    `attempts ${event.attempts}${duration}${cached}`,
  ].join('   ');
}
