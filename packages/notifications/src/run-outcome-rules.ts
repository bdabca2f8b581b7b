import crypto from 'node:crypto';
import type { NotificationDraft, Severity } from './notifications';

/**
 * Notification rules kept on an action (its `notification_rules`, in the api's
 * snake_case shape like every document column of the registry):
 * - `consecutive_failures`: once the action's runs failed `count` times in a row (once
 *   per streak: a success ends the streak, the next streak may raise again);
 * - `success_with_result`: a run succeeded with a non-empty result (once per run).
 */
export type RunOutcomeRule =
  | ({ on: 'consecutive_failures'; count: number } & RuleDelivery)
  | ({ on: 'success_with_result' } & RuleDelivery);

export interface RuleDelivery {
  notify: { recipients: string[]; groups: string[] };
  severity?: Severity;
  requires_confirmation?: boolean;
}

/** What the runner (or the producer) knows of a run that just ended. */
export interface RunOutcomeFacts {
  actionId: string;
  actionName: string;
  runId: string;
  status: 'succeeded' | 'failed';
  /** The run's result (the connector's answer) or null. */
  result: unknown;
  error: string | null;
  /**
   * The action's current streak of failed runs, named by the success before it (null:
   * the action never succeeded); null when its last run succeeded.
   */
  failureStreak: { count: number; sinceRunId: string | null } | null;
  rules: RunOutcomeRule[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEVERITY_NAMES = ['info', 'warning', 'error', 'critical'];

function isIdList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((id) => typeof id === 'string' && UUID.test(id));
}

/** Whether a stored document is a rule this version understands (others are skipped, not fatal). */
export function isRunOutcomeRule(value: unknown): value is RunOutcomeRule {
  if (typeof value !== 'object' || value === null) return false;
  const rule = value as Record<string, unknown>;
  const notify = rule.notify as Record<string, unknown> | undefined;
  if (!notify || !isIdList(notify.recipients) || !isIdList(notify.groups)) return false;
  if (rule.severity !== undefined && !SEVERITY_NAMES.includes(rule.severity as string)) return false;
  if (rule.requires_confirmation !== undefined && typeof rule.requires_confirmation !== 'boolean') return false;
  if (rule.on === 'success_with_result') return true;
  return rule.on === 'consecutive_failures' && Number.isInteger(rule.count) && (rule.count as number) >= 1;
}

/** A result worth telling about: anything but null, an empty object, array or string. */
export function isNonEmptyResult(result: unknown): boolean {
  if (result === null || result === undefined || result === '') return false;
  if (Array.isArray(result)) return result.length > 0;
  if (typeof result === 'object') return Object.keys(result).length > 0;
  return true;
}

/** A rule's identity in dedupe keys: its content, so reordering rules raises nothing again. */
function ruleKey(rule: RunOutcomeRule): string {
  return crypto.createHash('sha256').update(JSON.stringify(rule)).digest('hex').slice(0, 16);
}

function preview(value: unknown, max = 2000): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * The notifications a run's end raises under the action's rules. Each carries a dedupe
 * key naming the occurrence (the streak by the success before it, or the run), so every
 * runner or producer that sees the same occurrence raises the same notification, which
 * is stored once.
 */
export function runOutcomeNotifications(facts: RunOutcomeFacts): NotificationDraft[] {
  const drafts: NotificationDraft[] = [];
  for (const rule of facts.rules) {
    const common = {
      severity: rule.severity ?? (rule.on === 'consecutive_failures' ? ('error' as const) : ('info' as const)),
      requiresConfirmation: rule.requires_confirmation ?? false,
      to: { recipientIds: rule.notify.recipients, groupIds: rule.notify.groups },
      source: `action:${facts.actionId}`,
    };
    if (rule.on === 'consecutive_failures') {
      const streak = facts.failureStreak;
      if (facts.status !== 'failed' || !streak || streak.count < rule.count) continue;
      drafts.push({
        ...common,
        title: rule.count === 1 ? `${facts.actionName} failed` : `${facts.actionName} failed ${rule.count} times in a row`,
        body: facts.error ? `Last error: ${preview(facts.error)}` : 'The last run failed.',
        data: { action_id: facts.actionId, run_id: facts.runId, failures: streak.count, since_run_id: streak.sinceRunId },
        dedupeKey: `action:${facts.actionId}:rule:${ruleKey(rule)}:streak-after:${streak.sinceRunId ?? 'start'}`,
      });
    } else if (facts.status === 'succeeded' && isNonEmptyResult(facts.result)) {
      drafts.push({
        ...common,
        title: `${facts.actionName} succeeded with a result`,
        body: preview(facts.result),
        data: { action_id: facts.actionId, run_id: facts.runId },
        dedupeKey: `action:${facts.actionId}:rule:${ruleKey(rule)}:run:${facts.runId}`,
      });
    }
  }
  return drafts;
}
