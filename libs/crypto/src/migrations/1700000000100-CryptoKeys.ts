import { MigrationInterface, QueryRunner } from 'typeorm';

/** Key hierarchy tables. Names match the entity decorators exactly (empty schema diff). */
export class CryptoKeys1700000000100 implements MigrationInterface {
  name = 'CryptoKeys1700000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "client_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "client_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "wrapped_key" bytea NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'active',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_client_keys" PRIMARY KEY ("id"),
        CONSTRAINT "uq_client_keys_client_version" UNIQUE ("client_id", "version"),
        CONSTRAINT "ck_client_keys_status" CHECK ("status" IN ('active', 'retired'))
      )`);
    // At most one active KEK per client, so rotation can never leave two.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_client_keys_one_active" ON "client_keys" ("client_id") WHERE "status" = 'active'`,
    );
    await queryRunner.query(`
      CREATE TABLE "data_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "client_id" uuid NOT NULL,
        "client_key_id" uuid NOT NULL,
        "wrapped_key" bytea NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_data_keys" PRIMARY KEY ("id"),
        CONSTRAINT "fk_data_keys_client_key" FOREIGN KEY ("client_key_id")
          REFERENCES "client_keys" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_data_keys_client_id" ON "data_keys" ("client_id")`);
    await queryRunner.query(`CREATE INDEX "ix_data_keys_client_key_id" ON "data_keys" ("client_key_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "data_keys"`);
    await queryRunner.query(`DROP TABLE "client_keys"`);
  }
}
