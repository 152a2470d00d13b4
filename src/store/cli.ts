/**
 * `cli purge [--json]`: deletes conversations and decision records past their retention
 * (HJEMMEL_SESSION_RETENTION_DAYS, HJEMMEL_RECORD_RETENTION_DAYS) in the server's database
 * (HJEMMEL_DATABASE_URL, else HJEMMEL_DB, else data/hjemmel.sqlite), as the server's daily job does.
 */
import { databaseLine, openStore } from './index.ts';
import { purgeExpired, retentionFrom } from './retention.ts';

export async function run(args: string[]): Promise<number> {
  const json = args.includes('--json');
  let retention: ReturnType<typeof retentionFrom>;
  try {
    retention = retentionFrom(process.env);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
    return 2;
  }
  const store = await openStore();
  try {
    process.stderr.write(databaseLine(store));
    const purged = await purgeExpired(store, retention);
    if (json) process.stdout.write(`${JSON.stringify({ retention, purged })}\n`);
    else
      process.stdout.write(
        `Slettet / deleted: ${purged.sessions} samtaler (> ${retention.sessionDays} dage uden aktivitet), ${purged.quizSessions} quiz-sessioner, ${purged.records} beslutningsnotater (> ${retention.recordDays} dage)\n`,
      );
    return 0;
  } finally {
    await store.close();
  }
}
