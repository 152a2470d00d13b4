/**
 * `npm run --silent cli -- keys …`: API keys for journal systems, in the SQLite file of HJEMMEL_DB.
 *   keys create --name <client> --origins <url,…> [--public] [--rate <n/min>] [--json]   prints the key once
 *   keys list [--json]
 *   keys revoke <id>
 */
import { databaseLine, openStore } from '../store/index.ts';
import { type ApiKey, KeyStore } from './index.ts';

const USAGE = `Brug / usage:
  keys create --name <klient> --origins <url,…> [--public] [--rate <n/min>] [--json]
  keys list [--json]
  keys revoke <id>
`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

function describe(k: ApiKey): string {
  const state = k.revokedAt ? `tilbagekaldt ${k.revokedAt}` : 'aktiv';
  return `${k.id}  ${k.name}  ${k.public ? 'offentlig' : 'hemmelig'}  ${k.prefix}…  ${k.ratePerMinute}/min  ${
    k.origins.join(',') || '(ingen oprindelser)'
  }  ${state}`;
}

export async function run(args: string[]): Promise<number> {
  const [, sub, ...rest] = args;
  const json = rest.includes('--json');
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(s);
  if (!sub || sub === '--help' || sub === 'help') {
    (sub ? out : err)(USAGE);
    return sub ? 0 : 2;
  }
  const store = await openStore();
  // Which database the keys live in: the server must use the same one (HJEMMEL_DATABASE_URL or HJEMMEL_DB).
  err(databaseLine(store));
  try {
    const keys = new KeyStore(store);
    if (sub === 'create') {
      const name = flag(rest, '--name');
      const originsRaw = flag(rest, '--origins') ?? '';
      const rateRaw = flag(rest, '--rate');
      if (!name) {
        err(`--name mangler / --name is required\n${USAGE}`);
        return 2;
      }
      const rate = rateRaw === undefined ? undefined : Number(rateRaw);
      let created: Awaited<ReturnType<KeyStore['create']>>;
      try {
        created = await keys.create({
          name,
          origins: originsRaw
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
          public: rest.includes('--public'),
          ...(rate !== undefined ? { ratePerMinute: rate } : {}),
        });
      } catch (e) {
        err(`${e instanceof Error ? e.message : String(e)}\n`);
        return 2;
      }
      if (json) out(`${JSON.stringify({ key: created.key, ...created.record })}\n`);
      else
        out(
          `${describe(created.record)}\n\nNøgle (vises kun denne ene gang / shown only once):\n${created.key}\n${
            created.record.public
              ? '\nOffentlig nøgle: kun til widgettens data-api-key fra de tilladte oprindelser.\n'
              : '\nHemmelig nøgle: kun til journalsystemets server. Browseren får tokens fra POST /api/v1/tokens.\n'
          }`,
        );
      return 0;
    }
    if (sub === 'list') {
      const list = await keys.list();
      if (json) out(`${JSON.stringify(list)}\n`);
      else out(list.length ? `${list.map(describe).join('\n')}\n` : 'Ingen nøgler / no keys\n');
      return 0;
    }
    if (sub === 'revoke') {
      const id = rest.find((a) => !a.startsWith('--'));
      if (!id) {
        err(`id mangler / id is required\n${USAGE}`);
        return 2;
      }
      if (!(await keys.get(id))) {
        err(`Ukendt nøgle / unknown key: ${id}\n`);
        return 1;
      }
      await keys.revoke(id);
      out(json ? `${JSON.stringify(await keys.get(id))}\n` : `Tilbagekaldt / revoked: ${id}\n`);
      return 0;
    }
    err(`Ukendt kommando / unknown command: keys ${sub}\n${USAGE}`);
    return 2;
  } finally {
    await store.close();
  }
}
