import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event stream's durable log (`GET /v1/events`). Rows are written by triggers, so an
 * event commits in the same transaction as the change it reports, whichever daemon made
 * it (api, producer, runner) and by whatever path: a change cannot commit without its
 * event, and an event cannot exist without its change.
 *
 * Order: `(tx, id)`. `tx` is the writing transaction's id; readers take only rows whose
 * `tx` is below the oldest transaction still in progress (`pg_snapshot_xmin`), so every
 * row they have not seen yet sorts after every row they have: a reader that remembers
 * the last `(tx, id)` it read never skips a row that commits late. Housekeeping prunes
 * rows older than the replay window.
 *
 * No NOTIFY here: a NOTIFY inside the writing transaction makes commits take turns (see
 * the broker's wake-up); api instances read the log on a short interval instead.
 */
export class Events1764276000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table events (
        tx xid8 not null default pg_current_xact_id(),
        id bigint generated always as identity,
        kind text not null,
        -- the deployment the event belongs to; null for installation-wide events
        deployment_id uuid,
        -- about Interflow's own queues (interflow.*): shown only to unscoped admins
        system boolean not null default false,
        data jsonb not null,
        created_at timestamptz not null default now(),
        primary key (tx, id)
      )`);
    await queryRunner.query(`create index events_created on events using brin (created_at)`);
    // The dashboard's runs-per-minute chart reads recent runs by creation time.
    await queryRunner.query(`create index runs_created on runs using brin (created_at)`);

    await queryRunner.query(`
      create function interflow_run_event_data(r runs) returns jsonb language sql immutable as $$
        select jsonb_build_object(
          'run_id', r.id, 'action_id', r.action_id, 'deployment_id', r.deployment_id, 'status', r.status,
          'trigger', r.trigger, 'attempts', r.attempts, 'from_cache', r.from_cache, 'created_at', r.created_at,
          'started_at', r.started_at, 'finished_at', r.finished_at, 'duration_ms', r.duration_ms)
      $$`);
    await queryRunner.query(`
      create function interflow_run_event() returns trigger language plpgsql as $$
      declare
        kind text;
      begin
        if tg_op = 'INSERT' then
          insert into events (kind, deployment_id, data) values ('run.created', new.deployment_id, interflow_run_event_data(new));
        end if;
        kind := case new.status
          when 'running' then 'run.started'
          when 'retrying' then 'run.retrying'
          when 'succeeded' then 'run.finished'
          when 'failed' then 'run.finished'
        end;
        if kind is not null then
          insert into events (kind, deployment_id, data) values (kind, new.deployment_id, interflow_run_event_data(new));
        end if;
        return null;
      end $$`);
    await queryRunner.query(`
      create trigger runs_event_on_insert after insert on runs
        for each row execute function interflow_run_event()`);
    await queryRunner.query(`
      create trigger runs_event_on_status after update of status on runs
        for each row when (old.status is distinct from new.status) execute function interflow_run_event()`);

    // Only updates that name the queue column are considered (claims and acks do not).
    await queryRunner.query(`
      create function interflow_dead_letter_event() returns trigger language plpgsql as $$
      declare
        death jsonb := new.deaths -> -1;
        action_text text := new.payload ->> 'action_id';
        deployment uuid;
      begin
        if action_text ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' then
          select a.deployment_id into deployment from actions a where a.id = action_text::uuid;
        end if;
        insert into events (kind, deployment_id, system, data) values (
          'message.dead_lettered', deployment, new.dead_from like 'interflow.%' or new.queue like 'interflow.%',
          jsonb_build_object('message_id', new.id::text, 'queue', new.queue, 'from_queue', new.dead_from,
                             'reason', death ->> 'reason', 'time', death ->> 'time'));
        return null;
      end $$`);
    await queryRunner.query(`
      create trigger mq_messages_dead_letter_event after update of queue on mq_messages
        for each row when (new.dead_from is not null and old.queue is distinct from new.queue)
        execute function interflow_dead_letter_event()`);

    // One event per fire statement and deployment: a producer records up to thousands of
    // fires a statement, and a row trigger here would double the cost of each.
    await queryRunner.query(`
      create function interflow_schedule_fired_event() returns trigger language plpgsql as $$
      begin
        insert into events (kind, deployment_id, data)
        select 'schedule.fired', a.deployment_id, jsonb_build_object(
                 'count', count(*),
                 'fires', to_jsonb((array_agg(jsonb_build_object(
                    'schedule_id', f.schedule_id, 'name', s.name, 'fire_time', f.fire_time, 'outcome', f.outcome)
                    order by f.fire_time))[1:50]))
        from fired f
        join schedules s on s.id = f.schedule_id
        left join actions a on s.target_type = 'action' and a.id = s.action_id
        group by a.deployment_id;
        return null;
      end $$`);
    await queryRunner.query(`
      create trigger schedule_fires_event after insert on schedule_fires
        referencing new table as fired for each statement execute function interflow_schedule_fired_event()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop trigger schedule_fires_event on schedule_fires`);
    await queryRunner.query(`drop function interflow_schedule_fired_event()`);
    await queryRunner.query(`drop trigger mq_messages_dead_letter_event on mq_messages`);
    await queryRunner.query(`drop function interflow_dead_letter_event()`);
    await queryRunner.query(`drop trigger runs_event_on_status on runs`);
    await queryRunner.query(`drop trigger runs_event_on_insert on runs`);
    await queryRunner.query(`drop function interflow_run_event()`);
    await queryRunner.query(`drop function interflow_run_event_data(runs)`);
    await queryRunner.query(`drop index runs_created`);
    await queryRunner.query(`drop table events`);
  }
}
