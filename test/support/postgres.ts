import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian/Ubuntu's postgresql-15 package puts the server; PG_BIN_DIR overrides. */
const DEFAULT_BIN_DIR = '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  /** Superuser (`supabase_admin`) connection string (trust auth, TCP on 127.0.0.1). */
  url: string;
  port: number;
  /** The same database, logged in as `role` (trust auth: no password). */
  urlFor(role: string): string;
  /** Stops the server and deletes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL cluster for tests: initdb into a fresh temp folder,
 * listen on 127.0.0.1 only, durability switched off for speed.
 *
 * initdb and the server refuse to run as root, so as root both run as the
 * `postgres` OS user (runuser). A missing PostgreSQL is an error, never a skip
 * (DESIGN.md, "Testing").
 */
export async function startPostgres(): Promise<PostgresCluster> {
  const binDir = process.env.PG_BIN_DIR ?? DEFAULT_BIN_DIR;
  for (const tool of ['initdb', 'pg_ctl', 'postgres']) {
    if (!existsSync(join(binDir, tool))) {
      throw new Error(
        `PostgreSQL server binaries not found: ${join(binDir, tool)} is missing. ` +
          'Install PostgreSQL 15 (apt-get install postgresql-15 postgresql-15-pgtap) ' +
          'or point PG_BIN_DIR at the folder holding initdb, pg_ctl and postgres.',
      );
    }
  }

  const asRoot = process.getuid?.() === 0;
  const root = await mkdtemp(join(tmpdir(), 'incident-pg-'));
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  if (asRoot) {
    const pgUser = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const pgGroup = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (pgUser.status !== 0 || pgGroup.status !== 0) {
      await rm(root, { recursive: true, force: true });
      throw new Error('Running as root, but there is no `postgres` OS user to run initdb and the server as.');
    }
    await chown(root, Number(pgUser.stdout.trim()), Number(pgGroup.stdout.trim()));
  }

  // As root, every server tool runs as `postgres`; otherwise as ourselves.
  const tool = (name: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(binDir, name), ...args]) : run(join(binDir, name), args);

  // Set before the first start attempt: a start that timed out may still
  // have left a server running, and stop() must take it down too.
  let launched = false;
  const stop = async () => {
    process.off('exit', stopOnExit);
    if (launched) {
      launched = false;
      await tool('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
    }
    await rm(root, { recursive: true, force: true });
  };
  // A test process that dies without calling stop() must not leave a server behind.
  const stopOnExit = () => {
    if (!launched) return;
    const args = ['-D', dataDir, '-m', 'immediate', '-w', 'stop'];
    if (asRoot) spawnSync('runuser', ['-u', 'postgres', '--', join(binDir, 'pg_ctl'), ...args]);
    else spawnSync(join(binDir, 'pg_ctl'), args);
  };
  process.on('exit', stopOnExit);

  try {
    const owner = asRoot ? 'postgres' : userInfo().username;
    await tool('initdb', [
      '-D', dataDir,
      '--auth=trust',
      // Supabase's superuser; `postgres` is an ordinary role the bootstrap
      // creates (test/support/supabase-bootstrap.sql).
      '-U', 'supabase_admin',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync', // a throwaway cluster never needs to survive a crash
      '--no-instructions',
    ]).catch((error: unknown) => {
      throw new Error(`initdb failed (running as ${owner}): ${describe(error)}`);
    });

    // Another process can take the port between probing and binding; try a few.
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      await appendFile(join(dataDir, 'postgresql.conf'), settings(port, root));
      try {
        launched = true;
        await tool('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', 'start']);
        const urlFor = (role: string) => `postgres://${encodeURIComponent(role)}@127.0.0.1:${port}/postgres`;
        return { url: urlFor('supabase_admin'), port, urlFor, stop };
      } catch (error) {
        lastError = error;
      }
    }
    const log = await readFile(logFile, 'utf8').catch(() => '');
    throw new Error(`PostgreSQL did not start: ${describe(lastError)}\n${log.split('\n').slice(-20).join('\n')}`);
  } catch (error) {
    // The message carries the reason (and the log's tail); never leak the folder.
    await stop();
    throw error;
  }
}

/** Later lines win in postgresql.conf, so a retry simply appends a new port. */
function settings(port: number, socketDir: string): string {
  return [
    '',
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${socketDir}'`,
    'max_connections = 200',
    // Durability is worthless for a cluster deleted after the run.
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    "log_min_messages = 'warning'",
    '',
  ].join('\n');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not find a free TCP port'));
      });
    });
  });
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'stderr' in error && typeof error.stderr === 'string' && error.stderr) {
    return error.stderr.trim();
  }
  return error instanceof Error ? error.message : String(error);
}
