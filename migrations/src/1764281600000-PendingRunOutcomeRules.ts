import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A run-outcome raise cannot be lost in a crash: a run that ends while its action has
 * notification rules is marked `outcome_rules_pending` in the run-end transaction; the
 * daemon that ended it clears the mark once the rules were raised, and the producer's
 * housekeeping raises what is still marked a while later (the raise is deduplicated by
 * occurrence, so a raise made twice stores once).
 */
export class PendingRunOutcomeRules1764281600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table runs add column outcome_rules_pending boolean not null default false`);
    await queryRunner.query(`create index runs_outcome_rules_pending on runs (finished_at) where outcome_rules_pending`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop index runs_outcome_rules_pending`);
    await queryRunner.query(`alter table runs drop column outcome_rules_pending`);
  }
}
