// A private PostgreSQL server for the tests and the bench: its own data folder and port on
// 127.0.0.1, started from the machine's own binaries (Debian's `postgresql` package, which
// .ci/run installs) and removed when stopped. Nothing here is used by the bot itself.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface LocalPostgres {
  /** postgres://… for the server's `postgres` database; see `freshDatabaseUrl`. */
  url: string;
  stop(): void;
}

/** Where initdb and pg_ctl are: PG_BINDIR, or the newest of Debian's /usr/lib/postgresql/N/bin. */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PG_BINDIR) return existsSync(join(env.PG_BINDIR, 'pg_ctl')) ? env.PG_BINDIR : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  const found = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'pg_ctl')));
  return found ?? null;
}

/** PostgreSQL refuses to run as root, so as root the server runs as the package's `postgres` user. */
function asServerUser(): { prefix: string[]; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { prefix: ['runuser', '-u', 'postgres', '--'], uid, gid };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts a throwaway server; throws with the server's own words when it cannot. */
export async function startLocalPostgres(binDir: string): Promise<LocalPostgres> {
  const user = asServerUser();
  const folder = mkdtempSync(join(tmpdir(), 'claimwatch-pg-'));
  if (user.uid !== undefined) chownSync(folder, user.uid, user.gid!);
  const data = join(folder, 'data');
  const run = (program: string, args: string[]) => {
    const [command, ...rest] = [...user.prefix, join(binDir, program), ...args];
    execFileSync(command!, rest, { stdio: 'pipe', encoding: 'utf8' });
  };
  const port = await freePort();
  // Durability settings are off: the data folder is thrown away with the server.
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'claimwatch', '-E', 'UTF8', '--no-sync']);
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'server.log'), '-w', '-t', '30', 'start']);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    const said = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`could not start a private PostgreSQL server from ${binDir}${said ? `: ${said}` : ''}`);
  }
  return {
    url: `postgres://claimwatch@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/** A database of its own on the server, so runs (test files, bench stores) never see each other's rows. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
