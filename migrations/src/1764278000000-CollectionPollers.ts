import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Changes as events (issue 17): an action may poll a collection (`actions.poller`, the
 * paths to its items, their ids and content hashes, and whether a run sees the whole
 * collection); an action subscription may take its messages from a poller's item events
 * instead of a user exchange (`source_action_id`, `item_events`), fed by one binding per
 * event kind (`binding_ids`). Deleting the poller deletes the subscriptions fed by it.
 */
export class CollectionPollers1764278000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table actions add column poller jsonb`);
    await queryRunner.query(`
      alter table action_subscriptions
        add column source_action_id uuid references actions (id) on delete cascade,
        add column item_events text[],
        add column binding_ids text[] not null default '{}'`);
    await queryRunner.query(`update action_subscriptions set binding_ids = array[binding_id]`);
    await queryRunner.query(
      `create index action_subscriptions_source on action_subscriptions (source_action_id) where source_action_id is not null`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table action_subscriptions drop column source_action_id, drop column item_events, drop column binding_ids`);
    await queryRunner.query(`alter table actions drop column poller`);
  }
}
