/**
 * The bench's side of the feed server (polling-server.ts): starts it in a child process and asks
 * it things over IPC, one question at a time.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerReply, ServerRequest, ServerShape, ServerStats } from './polling-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = fileURLToPath(new URL('./polling-server.ts', import.meta.url));

export interface FeedHost {
  port: number;
  /** Every feed gains one new item. */
  publish(): Promise<void>;
  stats(): Promise<ServerStats>;
  stop(): void;
}

function ask<T extends ServerReply['type']>(
  child: ChildProcess,
  request: ServerRequest,
  answer: T,
): Promise<Extract<ServerReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerReply) => {
      if (message.type !== answer) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(message as Extract<ServerReply, { type: T }>);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`the bench feed server exited (${code}) before answering '${request.type}'`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(request);
  });
}

/** `feeds` feeds of `items` items each, the oldest published at `start` (ms), one an hour after. */
export async function startFeedHost(
  feeds: number,
  items: number,
  start: number,
  shape: ServerShape = {},
): Promise<FeedHost> {
  // `--import tsx` is how `npm run bench` itself runs TypeScript.
  const child = fork(SERVER, [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const { port } = await ask(child, { type: 'start', feeds, items, start, ...shape }, 'ready');
    return {
      port,
      publish: async () => void (await ask(child, { type: 'publish' }, 'published')),
      stats: async () => {
        const { type: _type, ...stats } = await ask(child, { type: 'stats' }, 'stats');
        return stats;
      },
      stop: () => void child.kill(),
    };
  } catch (error) {
    child.kill();
    throw error;
  }
}
