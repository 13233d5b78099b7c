// Vitest's global set-up: compile the bot once, as `npm start` does, so the tests that run the
// real process spawn `node dist/...` instead of paying tsx's start-up in every spawn; then let
// the built console bot load the sample articles once into a store the process tests copy, so
// each spawn opens a store rather than extracting every sample article again.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A store holding the sample articles, as the console bot leaves it: copy it, never open it. */
    sampleStore: string;
  }
}

let folder: string | undefined;

export function setup(project: TestProject): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  folder = mkdtempSync(join(tmpdir(), 'claimwatch-sample-store-'));
  const sampleStore = join(folder, 'claimwatch.db');
  execFileSync(process.execPath, ['dist/src/main.js'], {
    env: { ...process.env, DISCORD_TOKEN: '', CLAIMWATCH_DB: sampleStore, LOG_LEVEL: 'warn' },
    input: '',
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  project.provide('sampleStore', sampleStore);
}

export function teardown(): void {
  if (folder) rmSync(folder, { recursive: true, force: true });
}
