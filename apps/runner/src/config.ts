import { brokerConfigShape } from '@interflow/broker-select';
import { z } from 'zod';
import { baseConfigShape, boolVar, intVar } from '@interflow/core';
import { secretKeyConfigShape } from '@interflow/registry';
import { outboundConfigShape } from '@interflow/outbound';

const QUEUE_NAME = /^[A-Za-z0-9_.:-]{1,200}$/;

/** A comma-separated list of queue names, each checked. */
const queueList = z
  .string()
  .default('interflow.actions')
  .transform((value) => value.split(',').map((name) => name.trim()).filter(Boolean))
  .refine((names) => names.length > 0, { message: 'expected at least one queue name' })
  .refine((names) => names.every((name) => QUEUE_NAME.test(name)), {
    message: 'expected comma-separated queue names of letters, digits, . _ : -',
  })
  .refine((names) => new Set(names).size === names.length, { message: 'a queue is listed twice' });

/** The runner's environment: the shared base plus its own variables. */
export const runnerConfigSchema = z
  .object({
    ...baseConfigShape,
  ...brokerConfigShape,
    /** Decrypts deployment credentials and service signing secrets (shared with the api). */
    ...secretKeyConfigShape,
    /** Private, loopback or link-local destinations connectors may be reached at (none by default). */
    ...outboundConfigShape,
    /** Port of the small health/metrics server. */
    HEALTH_PORT: intVar(3002, 0, 65535),
    /** Action queues this runner consumes. */
    RUNNER_QUEUES: queueList,
    /** Actions running at once, per queue. */
    RUNNER_CONCURRENCY: intVar(8, 1, 1000),
    /** Messages claimed ahead of the handlers, per queue. */
    RUNNER_PREFETCH: intVar(8, 1, 10_000),
    /** Lease of a claimed message; long calls extend it every third of it. */
    RUNNER_LEASE_MS: intVar(30_000, 1_000, 3_600_000),
    /** Longest a call waits in process for its deployment's rate or concurrency limit before the message is put back. */
    RUNNER_LIMIT_WAIT_MS: intVar(10_000, 0, 600_000),
    /** Consume action subscriptions (queues bound to actions). */
    RUNNER_SUBSCRIPTIONS: boolVar(true),
    RUNNER_SUBSCRIPTION_REFRESH_MS: intVar(5_000, 200, 3_600_000),
    /** Largest connector answer the runner reads; past it the call is cut off and a successful answer fails the run. */
    RUNNER_MAX_RESPONSE_BYTES: intVar(4 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    /** On SIGTERM, in-flight calls get this long to finish before they are abandoned and their messages put back. */
    RUNNER_DRAIN_GRACE_MS: intVar(20_000, 0, 3_600_000),
    /** Fan out notifications, send their e-mail and webhooks, remind and escalate (docs/notifications.md). */
    RUNNER_NOTIFICATIONS: boolVar(true),
    /** nodemailer connection URL of the SMTP server (smtp://user:pass@host:587, smtps://…); unset: no e-mail. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, { message: 'expected an smtp:// or smtps:// URL' })
      .optional(),
    SMTP_FROM: z.string().min(3).default('Interflow <interflow@localhost>'),
    /** Attempts of one e-mail or webhook send before it is dead-lettered with its reason. */
    NOTIFY_MAX_ATTEMPTS: intVar(8, 1, 1000),
    /** Backoff between attempts: first delay, doubling, capped. */
    NOTIFY_RETRY_INITIAL_MS: intVar(5_000, 0, 3_600_000),
    NOTIFY_RETRY_MAX_MS: intVar(600_000, 0, 86_400_000),
    /** Time limit of one SMTP or webhook attempt. */
    NOTIFY_SEND_TIMEOUT_MS: intVar(15_000, 100, 600_000),
    /** Sends handled at once per channel. */
    NOTIFY_CONCURRENCY: intVar(8, 1, 1000),
    /** How often reminders, escalations and expiry are looked for. */
    NOTIFY_SWEEP_INTERVAL_MS: intVar(5_000, 50, 3_600_000),
  })
  .refine((config) => config.RUNNER_DRAIN_GRACE_MS < config.SHUTDOWN_GRACE_MS, {
    path: ['RUNNER_DRAIN_GRACE_MS'],
    message: 'must be shorter than SHUTDOWN_GRACE_MS, which bounds the whole shutdown',
  });

export type RunnerConfig = z.infer<typeof runnerConfigSchema>;
