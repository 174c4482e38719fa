import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('totp_secret', 'varchar(64)')
    .addColumn('totp_enabled_at', 'varchar(32)')
    // The last TOTP time step accepted: a code seen once is refused the second time.
    .addColumn('totp_last_step', 'integer')
    .addColumn('lang', 'varchar(2)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('disabled_at', 'varchar(32)')
    .execute()

  await db.schema
    .createTable('staff_recovery_code')
    .addColumn('staff_id', 'varchar(36)', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .addPrimaryKeyConstraint('staff_recovery_code_pk', ['staff_id', 'code_hash'])
    .execute()

  await db.schema
    .createTable('staff_session')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('staff_id', 'varchar(36)', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(32)')
    .execute()
  await db.schema.createIndex('staff_session_staff').on('staff_session').column('staff_id').execute()

  await db.schema
    .createTable('staff_token')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('purpose', 'varchar(16)', (c) => c.notNull())
    .addColumn('staff_id', 'varchar(36)', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .execute()
  await db.schema.createIndex('staff_token_staff').on('staff_token').column('staff_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_token').execute()
  await db.schema.dropTable('staff_session').execute()
  await db.schema.dropTable('staff_recovery_code').execute()
  await db.schema.dropTable('staff').execute()
}
