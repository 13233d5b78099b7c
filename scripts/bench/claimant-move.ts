/**
 * A claimant merge on a copy of the bot bench's generated store: how long /claimants alias takes
 * to move the busiest claimant's claims into another name, and its split to put them back, beside
 * a full rebuild of the index from the store, which is what each change cost before.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../../src/app/app.js';
import { aliasClaimant, splitClaimant } from '../../src/claimants/claimant-desk.js';
import { DATA_DIR } from '../../src/config.js';
import { ClaimIndex } from '../../src/index/claim-index.js';
import { withStoredTopics } from '../../src/newsroom/reload.js';
import { benchStore } from './bot-store.js';

const seconds = (since: number) => Number(((performance.now() - since) / 1000).toFixed(3));

export async function benchClaimantMove(claims: number) {
  const source = benchStore(claims);
  const copy = join(tmpdir(), `claimwatch-bench-claimant-${process.pid}.db`);
  copyFileSync(source.path, copy);
  const app = openApp(copy, DATA_DIR);
  try {
    const { index } = app;
    const bySize = index
      .claimantNames()
      .map((name) => ({ name, claims: index.claimsBy(name).length }))
      .sort((a, b) => b.claims - a.claims);
    const [busiest, next] = bySize;
    // A claimant of the long tail, as most merges are: the smallest with a thousand claims or more.
    const small = bySize.filter((c) => c.claims >= 1000 && c.name !== next!.name).at(-1) ?? busiest!;
    const request = { guildId: null, by: 'bench', name: busiest!.name, into: next!.name };
    let started = performance.now();
    const merged = await aliasClaimant(app, request, new Date());
    const aliasSeconds = seconds(started);
    started = performance.now();
    await splitClaimant(app, request, new Date());
    const splitSeconds = seconds(started);
    started = performance.now();
    const smallMerged = await aliasClaimant(app, { ...request, name: small.name }, new Date());
    const smallSeconds = seconds(started);
    started = performance.now();
    ClaimIndex.load(app.store, withStoredTopics(app.lexiconData, app.store.topics.all()));
    const rebuildSeconds = seconds(started);
    console.log(
      `claimant move: /claimants alias of ${busiest!.name} (${merged.moved.toLocaleString('en-US')} claims) into ` +
        `${next!.name} over ${claims.toLocaleString('en-US')} stored claims took ${aliasSeconds.toFixed(2)} s, ` +
        `its split ${splitSeconds.toFixed(2)} s; an alias of ${small.name} (${smallMerged.moved.toLocaleString('en-US')} claims) ` +
        `${smallSeconds.toFixed(3)} s; rebuilding the index from the store takes ${rebuildSeconds.toFixed(2)} s`,
    );
    return {
      claims,
      moved: merged.moved,
      alias_s: aliasSeconds,
      split_s: splitSeconds,
      small_moved: smallMerged.moved,
      small_alias_s: smallSeconds,
      rebuild_s: rebuildSeconds,
    };
  } finally {
    app.store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  }
}
