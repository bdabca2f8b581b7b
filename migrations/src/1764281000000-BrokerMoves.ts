import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger of the broker move (`npm run broker:move`, docs/broker-rabbitmq.md):
 * - `broker_moves`: one row per move between the brokers; at most one unfinished, which
 *   a re-run after a crash resumes.
 * - `broker_move_messages`: per message of the unfinished move, `sending` (about to be
 *   published on RabbitMQ: in doubt after a crash, looked for there before sending again)
 *   or `moved` (stored on the target; the source copy is deleted or acked). A finished
 *   move keeps its counts and drops these rows.
 */
export class BrokerMoves1764281000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table broker_moves (
        id bigint generated always as identity primary key,
        source text not null check (source in ('postgres', 'rabbitmq')),
        target text not null check (target in ('postgres', 'rabbitmq') and target <> source),
        started_at timestamptz not null default now(),
        finished_at timestamptz,
        moved bigint not null default 0
      )`);
    await queryRunner.query(`create unique index broker_moves_one_unfinished on broker_moves ((true)) where finished_at is null`);
    await queryRunner.query(`
      create table broker_move_messages (
        move_id bigint not null references broker_moves (id) on delete cascade,
        source_id text not null,
        queue text not null,
        state text not null check (state in ('sending', 'moved')),
        primary key (move_id, source_id)
      )`);
    await queryRunner.query(`create index broker_move_messages_in_doubt on broker_move_messages (move_id) where state = 'sending'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table broker_move_messages`);
    await queryRunner.query(`drop table broker_moves`);
  }
}
