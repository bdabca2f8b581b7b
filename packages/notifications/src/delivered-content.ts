import type { Severity } from './notifications';

/** What a recipient was given: the notification's content as delivered to them. */
export interface DeliveredContent {
  title: string;
  body: string;
  severity: Severity;
  link: string | null;
  data: unknown;
  requiresConfirmation: boolean;
  expiresAt: Date | null;
  deliveredAt: Date;
}

/** The same, as a row that joined the notification to its delivery. */
export interface DeliveredContentRow {
  title: string;
  body: string;
  severity: Severity;
  link: string | null;
  data: unknown;
  requires_confirmation: boolean;
  expires_at: Date | null;
  delivered_at: Date;
}

export function deliveredContentOf(row: DeliveredContentRow): DeliveredContent {
  return {
    title: row.title,
    body: row.body,
    severity: row.severity,
    link: row.link,
    data: row.data,
    requiresConfirmation: row.requires_confirmation,
    expiresAt: row.expires_at,
    deliveredAt: row.delivered_at,
  };
}
