import { signStandardWebhook } from '@interflow/connector-sdk';
import type { Sql } from '@interflow/core';
import type { SecretKeyring } from '@interflow/registry';
import { recipientWebhook, type ChannelSend } from '@interflow/notifications';
import { outboundRefusal, type OutboundFetch } from '@interflow/outbound';
import { classifyWebhookStatus, type SendOutcome } from './send-outcome';

/** What a recipient's webhook receives (JSON). */
export interface NotificationWebhookBody {
  type: 'notification.delivered' | 'notification.reminder';
  idempotency_key: string;
  notification_id: string;
  delivery_id: string;
  recipient_id: string;
  title: string;
  text: string;
  severity: string;
  link: string | null;
  data: unknown;
  requires_confirmation: boolean;
  expires_at: string | null;
  delivered_at: string;
}

/**
 * Posts notifications to recipients' webhooks, signed like the runner's connector
 * calls (Standard Webhooks, HMAC-SHA256 with the recipient's secret), through the
 * outbound policy, without following redirects. `webhook-id` is `ntf_<send id>`, the
 * same on every attempt: it is the idempotency id the receiver deduplicates by.
 */
export class WebhookChannel {
  constructor(private readonly deps: { sql: Sql; keyring: SecretKeyring; fetch: OutboundFetch; timeoutMs: number; now: () => Date }) {}

  async send(send: ChannelSend): Promise<SendOutcome> {
    const webhook = await recipientWebhook(this.deps.sql, this.deps.keyring, send.recipientId);
    if (!webhook) return { kind: 'permanent', error: 'the recipient has no webhook any more' };
    const body: NotificationWebhookBody = {
      type: send.purpose === 'reminder' ? 'notification.reminder' : 'notification.delivered',
      idempotency_key: send.id,
      notification_id: send.notificationId,
      delivery_id: send.deliveryId,
      recipient_id: send.recipientId,
      title: send.title,
      text: send.body,
      severity: send.severity,
      link: send.link,
      data: send.data ?? null,
      requires_confirmation: send.requiresConfirmation,
      expires_at: send.expiresAt?.toISOString() ?? null,
      delivered_at: send.deliveredAt.toISOString(),
    };
    const payload = JSON.stringify(body);
    const headers = signStandardWebhook(webhook.secret, `ntf_${send.id}`, payload, this.deps.now());
    try {
      const response = await this.deps.fetch(webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.deps.timeoutMs),
      });
      await response.body?.cancel();
      return classifyWebhookStatus(response.status);
    } catch (error) {
      const refusal = outboundRefusal(error);
      if (refusal) return { kind: 'permanent', error: refusal.message };
      return { kind: 'retryable', error: `the webhook could not be reached: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
