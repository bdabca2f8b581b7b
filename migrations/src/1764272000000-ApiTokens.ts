import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API tokens: only the SHA-256 of the secret is stored, plus its first characters in
 * clear to find the row and to tell tokens apart. `deployment_scopes` null means every
 * deployment. Revoked tokens keep their row for the record.
 */
export class ApiTokens1764272000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table api_tokens (
        id uuid primary key default gen_random_uuid(),
        seq bigint generated always as identity unique,
        name text not null,
        role text not null check (role in ('admin', 'operator', 'viewer')),
        deployment_scopes uuid[],
        lookup_prefix text not null,
        token_hash bytea not null unique,
        created_at timestamptz not null default now(),
        last_used_at timestamptz,
        expires_at timestamptz,
        revoked_at timestamptz
      )`);
    await queryRunner.query(`create index api_tokens_lookup_prefix on api_tokens (lookup_prefix)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table api_tokens`);
  }
}
