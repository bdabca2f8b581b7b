import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications to people (issue 14): recipients and their groups, notifications, one
 * delivery per (notification, recipient) — the unique key is what makes a recipient in
 * two addressed groups get it once, however often a fan-out is repeated — the sends of
 * each external channel (e-mail, webhook) with their attempts and dead-letter reason,
 * and the history of everything that happened to a notification.
 *
 * Actions gain `notification_rules` (run-outcome rules).
 *
 * Every history row is also an event (`notification.<kind>`) for the recipient's live
 * inbox stream: the events table gains `recipient_id`, and such events are shown to that
 * recipient's tokens (and unscoped admins) only.
 */
export class Notifications1764280000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table recipients (
        id uuid primary key default gen_random_uuid(),
        seq bigint generated always as identity unique,
        name text not null unique,
        email text,
        webhook_url text,
        -- the webhook signing secret, sealed like deployment credentials (key id + AES-GCM box)
        webhook_key_id text,
        webhook_secret bytea,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((webhook_url is null) = (webhook_secret is null))
      )`);
    await queryRunner.query(`
      create table recipient_groups (
        id uuid primary key default gen_random_uuid(),
        seq bigint generated always as identity unique,
        name text not null unique,
        description text,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`
      create table recipient_group_members (
        group_id uuid not null references recipient_groups (id) on delete cascade,
        recipient_id uuid not null references recipients (id) on delete cascade,
        primary key (group_id, recipient_id)
      )`);
    await queryRunner.query(`create index recipient_group_members_recipient on recipient_group_members (recipient_id)`);
    // A token bound to a recipient reads and confirms that recipient's inbox and nothing else.
    await queryRunner.query(`alter table api_tokens add column recipient_id uuid references recipients (id) on delete cascade`);

    await queryRunner.query(`
      create table notifications (
        id uuid primary key default gen_random_uuid(),
        seq bigint generated always as identity unique,
        title text not null,
        body text not null,
        severity text not null check (severity in ('info', 'warning', 'error', 'critical')),
        link text,
        data jsonb,
        recipient_ids uuid[] not null default '{}',
        group_ids uuid[] not null default '{}',
        requires_confirmation boolean not null,
        expires_at timestamptz,
        dedupe_key text unique,
        remind_after_ms bigint,
        escalate_after_ms bigint,
        escalate_recipient_ids uuid[] not null default '{}',
        escalate_group_ids uuid[] not null default '{}',
        -- who published it: 'token:<id>' or 'action:<id>'
        source text not null,
        created_at timestamptz not null,
        fanned_out_at timestamptz
      )`);
    await queryRunner.query(`create index notifications_not_fanned_out on notifications (created_at) where fanned_out_at is null`);
    await queryRunner.query(`
      create table notification_deliveries (
        id uuid primary key default gen_random_uuid(),
        seq bigint generated always as identity unique,
        notification_id uuid not null references notifications (id) on delete cascade,
        recipient_id uuid not null references recipients (id) on delete cascade,
        reason text not null check (reason in ('addressed', 'escalation')),
        state text not null check (state in ('delivered', 'read', 'confirmed', 'expired')),
        delivered_at timestamptz not null,
        read_at timestamptz,
        confirmed_at timestamptz,
        confirmed_by text,
        confirm_comment text,
        expired_at timestamptz,
        reminded_at timestamptz,
        escalated_at timestamptz,
        unique (notification_id, recipient_id)
      )`);
    await queryRunner.query(`create index notification_deliveries_inbox on notification_deliveries (recipient_id, seq)`);
    await queryRunner.query(`
      create index notification_deliveries_open on notification_deliveries (delivered_at)
        where state in ('delivered', 'read')`);
    await queryRunner.query(`
      create table notification_sends (
        id uuid primary key default gen_random_uuid(),
        delivery_id uuid not null references notification_deliveries (id) on delete cascade,
        channel text not null check (channel in ('email', 'webhook')),
        purpose text not null check (purpose in ('delivery', 'reminder')),
        state text not null check (state in ('pending', 'sent', 'dead')),
        attempts integer not null default 0,
        last_error text,
        queued_at timestamptz,
        sent_at timestamptz,
        dead_at timestamptz,
        created_at timestamptz not null,
        unique (delivery_id, channel, purpose)
      )`);
    await queryRunner.query(`create index notification_sends_unqueued on notification_sends (created_at) where queued_at is null`);
    await queryRunner.query(`
      create table notification_history (
        id bigint generated always as identity primary key,
        notification_id uuid not null references notifications (id) on delete cascade,
        delivery_id uuid references notification_deliveries (id) on delete cascade,
        recipient_id uuid,
        kind text not null,
        detail jsonb not null default '{}',
        at timestamptz not null
      )`);
    await queryRunner.query(`create index notification_history_of on notification_history (notification_id, id)`);

    // Run-outcome rules kept on the action (the registry's column, read by runners and producers).
    await queryRunner.query(`alter table actions add column notification_rules jsonb not null default '[]'`);
    // The streak query: an action's finished runs, newest first.
    await queryRunner.query(`create index runs_action_finished on runs (action_id, finished_at desc) where finished_at is not null`);

    await queryRunner.query(`alter table events add column recipient_id uuid`);
    await queryRunner.query(`
      create function interflow_notification_event() returns trigger language plpgsql as $$
      begin
        insert into events (kind, recipient_id, data)
        select 'notification.' || h.kind, h.recipient_id,
               jsonb_build_object('notification_id', h.notification_id, 'delivery_id', h.delivery_id,
                                  'recipient_id', h.recipient_id, 'title', n.title, 'severity', n.severity,
                                  'requires_confirmation', n.requires_confirmation, 'detail', h.detail, 'time', h.at)
        from changed h join notifications n on n.id = h.notification_id;
        return null;
      end $$`);
    await queryRunner.query(`
      create trigger notification_history_event after insert on notification_history
        referencing new table as changed for each statement execute function interflow_notification_event()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop trigger notification_history_event on notification_history`);
    await queryRunner.query(`drop function interflow_notification_event()`);
    await queryRunner.query(`alter table events drop column recipient_id`);
    await queryRunner.query(`drop index runs_action_finished`);
    await queryRunner.query(`alter table actions drop column notification_rules`);
    await queryRunner.query(`drop table notification_history`);
    await queryRunner.query(`drop table notification_sends`);
    await queryRunner.query(`drop table notification_deliveries`);
    await queryRunner.query(`drop table notifications`);
    await queryRunner.query(`alter table api_tokens drop column recipient_id`);
    await queryRunner.query(`drop table recipient_group_members`);
    await queryRunner.query(`drop table recipient_groups`);
    await queryRunner.query(`drop table recipients`);
  }
}
