import { z } from 'zod';
import { DEFAULT_MAX_REMINDERS, DELIVERY_STATES, HISTORY_KINDS, SEVERITIES, type Delivery, type Notification, type RecordedHistoryEntry } from '@interflow/notifications';
import { pageQueryShape } from '../http/pagination';

const DAY_MS = 86_400_000;
/** However a publisher asks, a recipient is reminded at most this often per notification. */
const MAX_REMINDERS = 20;

const addressees = z.strictObject({
  recipients: z.array(z.uuid({ message: 'expected a recipient id (uuid)' })).max(10_000).default([]),
  groups: z.array(z.uuid({ message: 'expected a group id (uuid)' })).max(1000).default([]),
});

export const publishNotificationBody = z.strictObject({
  title: z.string().trim().min(1).max(500),
  text: z.string().max(20_000).default(''),
  severity: z.enum(SEVERITIES).default('info'),
  link: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).max(2000).nullable().optional(),
  data: z.json().optional().describe('any JSON the receiving systems may use'),
  to: addressees.describe('recipients and/or groups; a recipient reached several ways gets it once'),
  requires_confirmation: z.boolean().default(false),
  expires_at: z.iso.datetime({ offset: true }).nullable().optional(),
  dedupe_key: z
    .string()
    .min(1)
    .max(200)
    .nullable()
    .optional()
    .describe('a second publish with the same key answers the first notification (200) and delivers nothing'),
  confirmation: z
    .strictObject({
      remind_after_ms: z
        .number()
        .int()
        .min(1000)
        .max(30 * DAY_MS)
        .nullable()
        .optional()
        .describe('remind an unconfirmed recipient this long after delivery, and again this long after each reminder'),
      max_reminders: z.number().int().min(1).max(MAX_REMINDERS).nullable().optional().describe(`at most this many reminders per recipient (default ${DEFAULT_MAX_REMINDERS})`),
      escalate_after_ms: z.number().int().min(1000).max(30 * DAY_MS).nullable().optional(),
      escalate_to: addressees.optional(),
    })
    .optional()
    .describe('reminders and escalation while unconfirmed (needs requires_confirmation)'),
});

export const listNotificationsQuery = z.strictObject({ ...pageQueryShape });
export const listDeliveriesQuery = z.strictObject({ ...pageQueryShape, state: z.enum(DELIVERY_STATES).optional() });
export const historyQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  after: z.string().regex(/^\d{1,19}$/, { message: 'expected a history entry id' }).optional(),
});

const addresseesJson = z.object({ recipients: z.array(z.uuid()), groups: z.array(z.uuid()) });

export const notificationJson = z.object({
  id: z.uuid(),
  title: z.string(),
  text: z.string(),
  severity: z.enum(SEVERITIES),
  link: z.string().nullable(),
  data: z.json().nullable(),
  to: addresseesJson,
  requires_confirmation: z.boolean(),
  expires_at: z.string().nullable(),
  dedupe_key: z.string().nullable(),
  confirmation: z.object({
    remind_after_ms: z.number().nullable(),
    max_reminders: z.number().int().nullable().describe('null: no reminders'),
    escalate_after_ms: z.number().nullable(),
    escalate_to: addresseesJson,
  }),
  source: z.string().describe('who published it: token:<id> or action:<id>'),
  created_at: z.string(),
  fanned_out_at: z.string().nullable().describe('when its deliveries were made; null while the fan-out is queued'),
  deliveries: z.object({
    total: z.number().int(),
    delivered: z.number().int(),
    read: z.number().int(),
    confirmed: z.number().int(),
    expired: z.number().int(),
  }),
});

export function notificationToJson(notification: Notification): z.infer<typeof notificationJson> {
  return {
    id: notification.id,
    title: notification.title,
    text: notification.body,
    severity: notification.severity,
    link: notification.link,
    data: (notification.data ?? null) as z.infer<typeof notificationJson>['data'],
    to: { recipients: notification.to.recipientIds, groups: notification.to.groupIds },
    requires_confirmation: notification.requiresConfirmation,
    expires_at: notification.expiresAt?.toISOString() ?? null,
    dedupe_key: notification.dedupeKey,
    confirmation: {
      remind_after_ms: notification.remindAfterMs,
      max_reminders: notification.maxReminders,
      escalate_after_ms: notification.escalateAfterMs,
      escalate_to: { recipients: notification.escalateTo.recipientIds, groups: notification.escalateTo.groupIds },
    },
    source: notification.source,
    created_at: notification.createdAt.toISOString(),
    fanned_out_at: notification.fannedOutAt?.toISOString() ?? null,
    deliveries: notification.deliveries,
  };
}

export const deliveryJson = z.object({
  id: z.uuid(),
  notification_id: z.uuid(),
  recipient_id: z.uuid(),
  reason: z.enum(['addressed', 'escalation']),
  state: z.enum(DELIVERY_STATES),
  title: z.string(),
  text: z.string(),
  severity: z.enum(SEVERITIES),
  link: z.string().nullable(),
  data: z.json().nullable(),
  requires_confirmation: z.boolean(),
  expires_at: z.string().nullable(),
  delivered_at: z.string(),
  read_at: z.string().nullable(),
  confirmed_at: z.string().nullable(),
  confirmed_by: z.string().nullable().describe('the name of the token that confirmed'),
  confirm_comment: z.string().nullable(),
  expired_at: z.string().nullable(),
  reminded_at: z.string().nullable(),
  escalated_at: z.string().nullable(),
});

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function deliveryToJson(delivery: Delivery): z.infer<typeof deliveryJson> {
  return {
    id: delivery.id,
    notification_id: delivery.notificationId,
    recipient_id: delivery.recipientId,
    reason: delivery.reason,
    state: delivery.state,
    title: delivery.title,
    text: delivery.body,
    severity: delivery.severity,
    link: delivery.link,
    data: (delivery.data ?? null) as z.infer<typeof deliveryJson>['data'],
    requires_confirmation: delivery.requiresConfirmation,
    expires_at: iso(delivery.expiresAt),
    delivered_at: delivery.deliveredAt.toISOString(),
    read_at: iso(delivery.readAt),
    confirmed_at: iso(delivery.confirmedAt),
    confirmed_by: delivery.confirmedBy,
    confirm_comment: delivery.confirmComment,
    expired_at: iso(delivery.expiredAt),
    reminded_at: iso(delivery.remindedAt),
    escalated_at: iso(delivery.escalatedAt),
  };
}

export const historyEntryJson = z.object({
  id: z.string(),
  kind: z.enum(HISTORY_KINDS),
  delivery_id: z.uuid().nullable(),
  recipient_id: z.uuid().nullable(),
  detail: z.record(z.string(), z.unknown()),
  at: z.string(),
});

export const historyJson = z.object({ items: z.array(historyEntryJson) });

export function historyEntryToJson(entry: RecordedHistoryEntry): z.infer<typeof historyEntryJson> {
  return {
    id: entry.id,
    kind: entry.kind,
    delivery_id: entry.deliveryId,
    recipient_id: entry.recipientId,
    detail: entry.detail,
    at: entry.at.toISOString(),
  };
}

export const inboxQuery = z.strictObject({
  ...pageQueryShape,
  filter: z.enum(['unread', 'unconfirmed', 'all']).default('all'),
});

export const confirmBody = z.strictObject({
  comment: z.string().max(2000).nullable().optional(),
});
