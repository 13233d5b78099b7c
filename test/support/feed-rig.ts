// Feeds served on 127.0.0.1 and an app on the suite's store that may read them, fresh for
// every test of the file that calls useFeedRig(), closed after it.
import { afterEach, beforeEach } from 'vitest';
import type { FetcherOptions } from '../../src/sources/fetch.js';
import { type FeedServer, loopbackFetcher, startFeedServer } from './feed-server.js';
import { type TempApp, tempApp } from './store-app.js';

export interface FeedRig {
  readonly server: FeedServer;
  readonly temp: TempApp;
}

export function useFeedRig(fetcher: Partial<FetcherOptions> = {}): FeedRig {
  let server: FeedServer;
  let temp: TempApp;
  beforeEach(async () => {
    server = await startFeedServer();
    temp = await tempApp({ fetcher: loopbackFetcher(fetcher) });
  });
  afterEach(async () => {
    await temp.close();
    await server.close();
  });
  return {
    get server() {
      return server;
    },
    get temp() {
      return temp;
    },
  };
}
