import type { Kysely } from 'kysely'
import { speaksPostgres } from './engine'

// Frozen in time: imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_run')
    .addColumn('id', 'integer', (c) => (speaksPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('format', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('withdrawn', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('report', 'text')
    .execute()

  // Staff-editable: subject code prefixes (BISAC, Thema, KDC...) → Colophon category.
  await db.schema
    .createTable('subject_category')
    .addColumn('scheme', 'varchar(16)', (c) => c.notNull())
    .addColumn('code', 'varchar(32)', (c) => c.notNull())
    .addColumn('category_id', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('subject_category_pk', ['scheme', 'code'])
    .execute()
  const rows: Array<[string, string, string]> = [
    ['bisac', 'FIC', 'fiction-world'], ['bisac', 'POE', 'fiction-poetry'], ['bisac', 'HIS', 'history-world'], ['bisac', 'HIS023', 'history-korea'],
    ['bisac', 'HIS003', 'history-asia'], ['bisac', 'HIS010', 'history-europe'], ['bisac', 'POL', 'politics-theory'], ['bisac', 'POL011', 'politics-international'],
    ['bisac', 'SOC', 'society-issues'], ['bisac', 'PHI', 'humanities-philosophy'], ['bisac', 'PSY', 'humanities-psychology'], ['bisac', 'REL', 'humanities-religion'],
    ['bisac', 'SCI', 'science-popular'], ['bisac', 'SCI055', 'science-physics'], ['bisac', 'SCI008', 'science-biology'], ['bisac', 'BUS', 'economics-management'],
    ['bisac', 'BUS069', 'economics-theory'], ['bisac', 'BUS036', 'economics-investing'], ['bisac', 'ART', 'arts-art'], ['bisac', 'MUS', 'arts-music'],
    ['bisac', 'PER', 'arts-film'], ['bisac', 'JUV', 'children-reading'],
    ['thema', 'F', 'fiction-world'], ['thema', 'DC', 'fiction-poetry'], ['thema', 'NH', 'history-world'], ['thema', 'NHF', 'history-asia'], ['thema', 'NHD', 'history-europe'],
    ['thema', 'JP', 'politics-theory'], ['thema', 'JPS', 'politics-international'], ['thema', 'JB', 'society-issues'], ['thema', 'QD', 'humanities-philosophy'],
    ['thema', 'JM', 'humanities-psychology'], ['thema', 'QR', 'humanities-religion'], ['thema', 'P', 'science-popular'], ['thema', 'PH', 'science-physics'],
    ['thema', 'PS', 'science-biology'], ['thema', 'K', 'economics-theory'], ['thema', 'KJ', 'economics-management'], ['thema', 'KF', 'economics-investing'],
    ['thema', 'A', 'arts-art'], ['thema', 'AV', 'arts-music'], ['thema', 'AT', 'arts-film'], ['thema', 'Y', 'children-reading'], ['thema', 'YB', 'children-picture'],
    ['kdc', '8', 'fiction-world'], ['kdc', '81', 'fiction-korean'], ['kdc', '811', 'fiction-poetry'], ['kdc', '9', 'history-world'], ['kdc', '911', 'history-korea'],
    ['kdc', '91', 'history-asia'], ['kdc', '92', 'history-europe'], ['kdc', '34', 'politics-theory'], ['kdc', '349', 'politics-international'], ['kdc', '33', 'society-issues'],
    ['kdc', '1', 'humanities-philosophy'], ['kdc', '18', 'humanities-psychology'], ['kdc', '2', 'humanities-religion'], ['kdc', '4', 'science-popular'],
    ['kdc', '42', 'science-physics'], ['kdc', '47', 'science-biology'], ['kdc', '32', 'economics-theory'], ['kdc', '325', 'economics-management'],
    ['kdc', '327', 'economics-investing'], ['kdc', '6', 'arts-art'], ['kdc', '67', 'arts-music'], ['kdc', '68', 'arts-film'],
  ]
  await db.insertInto('subject_category').values(rows.map(([scheme, code, category_id]) => ({ scheme, code, category_id }))).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('subject_category').execute()
  await db.schema.dropTable('import_run').execute()
}
