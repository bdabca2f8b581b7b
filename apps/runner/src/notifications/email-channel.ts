import nodemailer from 'nodemailer';
import type { ChannelSend } from '@interflow/notifications';
import { classifySmtpError, type SendOutcome } from './send-outcome';

export interface SmtpSettings {
  /** smtp://user:pass@host:port or smtps://… (nodemailer's connection URL). */
  url: string;
  from: string;
  timeoutMs: number;
}

/**
 * Sends notifications as e-mail through one SMTP server (nodemailer). The send id is
 * in the Message-ID and in `X-Interflow-Idempotency-Key`, the same on every attempt, so
 * a receiving system can drop a message it got twice.
 */
export class EmailChannel {
  private readonly transport: nodemailer.Transporter;

  constructor(private readonly settings: SmtpSettings) {
    this.transport = nodemailer.createTransport(settings.url, {
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    });
  }

  async send(send: ChannelSend): Promise<SendOutcome> {
    if (!send.email) return { kind: 'permanent', error: 'the recipient has no e-mail address any more' };
    const reminder = send.purpose === 'reminder' ? 'Reminder: ' : '';
    const lines = [
      send.body,
      ...(send.link ? ['', send.link] : []),
      ...(send.requiresConfirmation ? ['', 'Please confirm this notification in your Interflow inbox.'] : []),
    ];
    try {
      await this.transport.sendMail({
        from: this.settings.from,
        to: send.email,
        subject: `${reminder}[${send.severity}] ${send.title}`,
        text: lines.join('\n'),
        messageId: `<${send.id}@interflow>`,
        headers: {
          'X-Interflow-Idempotency-Key': send.id,
          'X-Interflow-Notification': send.notificationId,
          'X-Interflow-Delivery': send.deliveryId,
        },
      });
      return { kind: 'sent' };
    } catch (error) {
      return classifySmtpError(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}
