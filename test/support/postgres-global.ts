// Vitest's global set-up for the tests that need PostgreSQL: one private server for the run,
// handed to test files by `inject('postgres')`; each file makes its own database on it.
import type { TestProject } from 'vitest/node';
import { type LocalPostgres, postgresBinDir, startLocalPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's address, or why there is none (the tests that need it say so and skip). */
    postgres: { url: string } | { missing: string };
  }
}

let server: LocalPostgres | undefined;

export async function setup(project: TestProject): Promise<void> {
  const binDir = postgresBinDir();
  if (!binDir) {
    project.provide('postgres', {
      missing: 'no PostgreSQL server binaries (install Debian package postgresql, or set PG_BINDIR)',
    });
    return;
  }
  try {
    server = await startLocalPostgres(binDir);
    project.provide('postgres', { url: server.url });
  } catch (error) {
    project.provide('postgres', { missing: (error as Error).message });
  }
}

export function teardown(): void {
  server?.stop();
}
