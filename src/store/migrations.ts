/**
 * Versioned schema migrations (Kysely's Migrator), one list for SQLite and PostgreSQL. Times are ISO-8601
 * UTC text in both, so they compare as strings. Append a migration with the next number; never edit one that
 * has shipped. The first two repeat the SQLite `user_version` migrations this store used before Kysely (with
 * IF NOT EXISTS and a column check), so a database file from before opens unchanged and is adopted.
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

export type StoreKind = 'sqlite' | 'postgres';

async function hasColumn(db: Kysely<unknown>, kind: StoreKind, table: string, column: string): Promise<boolean> {
  if (kind === 'sqlite') {
    const r = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db);
    return r.rows.some((c) => c.name === column);
  }
  const r = await sql<{ n: number }>`SELECT 1 AS n FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} AND column_name = ${column}`.execute(db);
  return r.rows.length > 0;
}

async function addColumnIfMissing(
  db: Kysely<unknown>,
  kind: StoreKind,
  table: string,
  column: string,
  type: 'text' | 'integer',
  notNullDefault?: number,
): Promise<void> {
  if (await hasColumn(db, kind, table, column)) return;
  await db.schema
    .alterTable(table)
    .addColumn(column, type, (c) => (notNullDefault === undefined ? c : c.notNull().defaultTo(notNullDefault)))
    .execute();
}

export function migrations(kind: StoreKind): Record<string, Migration> {
  // An auto-numbered id: SQLite's INTEGER PRIMARY KEY AUTOINCREMENT, PostgreSQL's bigserial.
  const autoId = (table: string) =>
    kind === 'postgres'
      ? sql`CREATE TABLE IF NOT EXISTS ${sql.table(table)} (id bigserial PRIMARY KEY)`
      : sql`CREATE TABLE IF NOT EXISTS ${sql.table(table)} (id INTEGER PRIMARY KEY AUTOINCREMENT)`;
  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('sessions')
          .ifNotExists()
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .execute();
        // audit and feedback: made with their id column first, the others added (the same for both dialects).
        const auditExists = await hasColumn(db, kind, 'audit', 'id');
        if (!auditExists) {
          await autoId('audit').execute(db);
          for (const [col, notNull] of [
            ['at', true],
            ['session_id', true],
            ['route', true],
            ['measure', false],
            ['outcome', false],
            ['rules_version', true],
            ['corpus_hash', true],
            ['message', true],
            ['answer', true],
            ['citations', true],
            ['llm', false],
          ] as const)
            await db.schema
              .alterTable('audit')
              .addColumn(col, 'text', (c) => (notNull ? c.notNull().defaultTo('') : c))
              .execute();
        }
        await db.schema
          .createTable('counters')
          .ifNotExists()
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('value', 'bigint', (c) => c.notNull())
          .execute();
        if (!(await hasColumn(db, kind, 'feedback', 'id'))) {
          await autoId('feedback').execute(db);
          await db.schema
            .alterTable('feedback')
            .addColumn('at', 'text', (c) => c.notNull().defaultTo(''))
            .execute();
          await db.schema.alterTable('feedback').addColumn('session_id', 'text').execute();
          await db.schema.alterTable('feedback').addColumn('turn', 'integer').execute();
          await db.schema
            .alterTable('feedback')
            .addColumn('rating', 'text', (c) => c.notNull().defaultTo('up'))
            .execute();
          for (const col of ['reason', 'comment', 'answer'])
            await db.schema.alterTable('feedback').addColumn(col, 'text').execute();
        }
        await db.schema
          .createTable('api_keys')
          .ifNotExists()
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('key_hash', 'text', (c) => c.notNull().unique())
          .addColumn('prefix', 'text', (c) => c.notNull())
          .addColumn('origins', 'text', (c) => c.notNull())
          .addColumn('public', 'integer', (c) => c.notNull())
          .addColumn('rate_per_minute', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createTable('api_settings')
          .ifNotExists()
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('api_records')
          .ifNotExists()
          .addColumn('audit_id', 'bigint', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('quiz_sessions')
          .ifNotExists()
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('learner_id', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .execute();
        if (!(await hasColumn(db, kind, 'quiz_answers', 'id'))) {
          await autoId('quiz_answers').execute(db);
          for (const col of [
            'at',
            'session_id',
            'learner_id',
            'question_id',
            'scenario_id',
            'kind',
            'topic',
            'measure',
            'option_id',
            'correct_option_id',
            'rules_version',
          ])
            await db.schema
              .alterTable('quiz_answers')
              .addColumn(col, 'text', (c) => c.notNull().defaultTo(''))
              .execute();
          await db.schema.alterTable('quiz_answers').addColumn('provision', 'text').execute();
          await db.schema
            .alterTable('quiz_answers')
            .addColumn('correct', 'integer', (c) => c.notNull().defaultTo(0))
            .execute();
        }
        await db.schema
          .createIndex('quiz_answers_learner')
          .ifNotExists()
          .on('quiz_answers')
          .column('learner_id')
          .execute();
        await db.schema
          .createTable('quiz_progress')
          .ifNotExists()
          .addColumn('learner_id', 'text', (c) => c.notNull())
          .addColumn('question_id', 'text', (c) => c.notNull())
          .addColumn('box', 'integer', (c) => c.notNull())
          .addColumn('seen', 'integer', (c) => c.notNull())
          .addColumn('wrong', 'integer', (c) => c.notNull())
          .addColumn('last_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('quiz_progress_pk', ['learner_id', 'question_id'])
          .execute();
      },
    },
    // Owners (issue 16): who made a session or feedback item (`key:<id>` or `local`); null = before owners.
    '0002_owners': {
      async up(db: Kysely<unknown>) {
        await addColumnIfMissing(db, kind, 'sessions', 'owner', 'text');
        await addColumnIfMissing(db, kind, 'feedback', 'owner', 'text');
      },
    },
    // Several instances (issue 15): session versions, record owners in columns, shared rate limits, retention.
    '0003_instances': {
      async up(db: Kysely<unknown>) {
        await addColumnIfMissing(db, kind, 'sessions', 'version', 'integer', 1);
        await addColumnIfMissing(db, kind, 'api_records', 'owner', 'text');
        await addColumnIfMissing(db, kind, 'api_records', 'token_id', 'text');
        await addColumnIfMissing(db, kind, 'api_records', 'case_ref', 'text');
        if (kind === 'sqlite')
          // Records from before kept these only inside their JSON snapshot.
          await sql`UPDATE api_records SET owner = json_extract(data, '$.owner'),
              token_id = json_extract(data, '$.tokenId'), case_ref = json_extract(data, '$.caseRef')`.execute(db);
        await db.schema
          .createIndex('api_records_case_ref')
          .ifNotExists()
          .on('api_records')
          .column('case_ref')
          .execute();
        await db.schema.createIndex('sessions_updated_at').ifNotExists().on('sessions').column('updated_at').execute();
        await db.schema.createIndex('audit_at').ifNotExists().on('audit').column('at').execute();
        await db.schema
          .createTable('rate_limits')
          .ifNotExists()
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('tokens', 'double precision', (c) => c.notNull())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .addColumn('last_ok', 'integer', (c) => c.notNull().defaultTo(1))
          .execute();
      },
    },
  };
}

export class StaticProvider implements MigrationProvider {
  constructor(private readonly kind: StoreKind) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.kind);
  }
}
