import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertKeyOf } from '../src/alerting/alert-rule.js';
import { explainAlerts } from '../src/alerting/why.js';
import type { Answer } from '../src/answers/answer.js';
import { answerLine } from '../src/console/ask.js';
import { silentLogger } from '../src/log.js';
import { inOrder } from './support/in-order.js';
import { type TempApp, type TestArticle, tempApp } from './support/store-app.js';

const G1 = '111111111111111111';
const G2 = '222222222222222222';
const DESK = '333333333333333333';
const WIRE = '444444444444444444';
const BEFORE = new Date('2025-04-30T08:00:00Z');
const ARRIVED = new Date('2025-05-01T12:00:00Z');
const SENT = new Date('2025-05-01T12:01:00Z');
const ASKED = new Date('2025-05-03T10:00:00Z');

const NIS_1500: TestArticle = {
  outlet: 'Yonhap',
  date: '2024-10-18',
  url: 'https://news.example/yonhap/1',
  title: 'Spy agency: troops in Russia',
  body: 'South Korea’s spy agency said about 1,500 North Korean troops had already reached Russia.',
};
const NIS_3000: TestArticle = {
  outlet: 'Korea Herald',
  date: '2024-10-23',
  body: 'The National Intelligence Service said some 3,000 North Korean soldiers had been sent to Russia.',
};
const NIS_3000_AGAIN: TestArticle = {
  outlet: 'The Associated Press',
  date: '2024-10-24',
  body: 'The NIS said about 3,000 North Korean troops were now in Russia.',
};
const DENIAL: TestArticle = {
  outlet: 'TASS',
  date: '2024-10-25',
  body: 'The Kremlin denied that North Korean troops had been deployed to Russia.',
};
const DENIAL_REWORDED: TestArticle = {
  outlet: 'RIA',
  date: '2024-10-26',
  body: 'Kremlin spokesman Dmitry Peskov denied reports that 10,000 North Korean soldiers were fighting in Russia.',
};
const MIXED: TestArticle = {
  outlet: 'Reuters',
  date: '2024-10-27',
  url: 'https://news.example/reuters/mixed',
  body: 'The Pentagon said roughly 3,000 North Korean soldiers were training in eastern Russia.\n\nThe city has 3,000 residents.',
};
const TWICE: TestArticle = {
  outlet: 'Hanbit',
  date: '2024-10-28',
  body: 'The NIS said about 5,000 North Korean troops were in Russia. The NIS added that about 5,000 North Korean troops were in training.',
};

let t: TempApp;
beforeEach(async () => {
  t = await tempApp();
});
afterEach(() => t.close());

const ingest = async (article: TestArticle, guildId = G1, now = ARRIVED) =>
  (await t.ingest(article, { guildId, now })).added;
const why = async (target: string, guildId: string = G1): Promise<Answer> =>
  await explainAlerts(t.app.index, t.app.port, guildId, target);
const reason = (answer: Answer, n = 0) => answer.sections[0]!.lines[n]!.split('\n')[1]!;

/** What the alerting path writes for a claim that alerts: one decision, one message per channel. */
async function alerted(
  claimId: number,
  channels: string[],
  options: { guildId?: string; folded?: boolean } = {},
): Promise<number[]> {
  const { outbox } = t.app.port;
  const claim = t.app.index.claim(claimId)!;
  const guildId = options.guildId ?? G1;
  const decisionId = (await outbox.decide(
    guildId,
    alertKeyOf(claim),
    claim.id,
    claim.articleId,
    options.folded ? 'folded' : 'queued',
    ARRIVED,
  ))!;
  return inOrder(channels, (channelId) =>
    outbox.enqueue({ guildId, channelId, kind: 'alert', decisionId, payload: '{}', folded: options.folded }, ARRIVED),
  );
}

describe('/alerts why, for a claim that alerted', () => {
  it('names the channel and when the alert was sent', async () => {
    await t.app.port.routes.follow(G1, 'troops', DESK, BEFORE);
    const [claim] = await ingest(NIS_1500);
    await t.app.port.outbox.markSent(await alerted(claim!.id, [DESK]), 'm1', SENT);
    const answer = await why(String(claim!.id));
    expect(answer).toMatchObject({ title: `Claim #${claim!.id} alerted here`, ephemeral: true });
    expect(answer.sections[0]!.lines[0]).toMatch(/^\*\*#1\*\* \*\*NIS\*\*: approximately 1,500 troops \[troops\]\n/);
    expect(reason(answer)).toBe(`Alerted <#${DESK}>, sent May 1, 2025, 12:01 UTC (decided May 1, 2025, 12:00 UTC).`);
  });

  it('says a message is still waiting, with its attempts and last error', async () => {
    const [claim] = await ingest(NIS_1500);
    const ids = await alerted(claim!.id, [DESK]);
    await t.app.port.outbox.beginAttempt(ids);
    await t.app.port.outbox.retryLater(ids, '503 Service Unavailable', new Date('2025-05-01T12:05:00Z'));
    expect(reason(await why('#1'))).toBe(
      `Alerted <#${DESK}>, waiting to be sent (1 attempt so far, last error: 503 Service Unavailable; ` +
        'next try May 1, 2025, 12:05 UTC) (decided May 1, 2025, 12:00 UTC).',
    );
  });

  it("gives a broken channel's reason, per channel", async () => {
    const [claim] = await ingest(NIS_1500);
    const [desk, wire] = await alerted(claim!.id, [DESK, WIRE]);
    await t.app.port.outbox.markSent([desk!], 'm1', SENT);
    await t.app.port.outbox.setAside([wire!], 'DiscordAPIError[50001]: Missing Access');
    await t.app.port.routes.markChannelBroken(G1, WIRE, 'the bot lost access to the channel', SENT);
    expect((await why('1')).title).toBe('Claim #1 alerted here');
    expect(reason(await why('1'))).toBe(
      `Alerted <#${DESK}>, sent May 1, 2025, 12:01 UTC; the alert for <#${WIRE}> could not be posted: ` +
        'the channel is broken (the bot lost access to the channel) (decided May 1, 2025, 12:00 UTC).',
    );
  });

  it('does not call a claim alerted when its only channel was broken', async () => {
    const [claim] = await ingest(NIS_1500);
    await t.app.port.outbox.setAside(await alerted(claim!.id, [DESK]), 'DiscordAPIError[10003]: Unknown Channel');
    const answer = await why('1');
    expect(answer.title).toBe('Claim #1 did not alert here');
    expect(reason(answer)).toBe(
      `The alert for <#${DESK}> could not be posted: the channel is broken (DiscordAPIError\\[10003\\]: Unknown Channel) ` +
        '(decided May 1, 2025, 12:00 UTC).',
    );
  });

  it('says when the alert was folded into a digest', async () => {
    const [claim] = await ingest(NIS_1500);
    await t.app.port.outbox.markSent(await alerted(claim!.id, [DESK], { folded: true }), 'm1', SENT);
    expect(reason(await why('1'))).toBe(
      `Folded into a digest for <#${DESK}>, sent May 1, 2025, 12:01 UTC (decided May 1, 2025, 12:00 UTC).`,
    );
  });
});

describe('/alerts why, for a claim that did not alert', () => {
  it('names the earlier claim that alerted when a repeat arrives', async () => {
    await ingest(NIS_1500);
    const [first] = await ingest(NIS_3000);
    await alerted(first!.id, [DESK]);
    const [repeat] = await ingest(NIS_3000_AGAIN);
    const answer = await why(String(repeat!.id));
    expect(answer.title).toBe(`Claim #${repeat!.id} did not alert here`);
    expect(reason(answer)).toBe(
      `Seen before: this figure already alerted here with **NIS** in Korea Herald, Oct 23, 2024 (\`/claim ${first!.id}\`), ` +
        `which \`/alerts why ${first!.id}\` explains; a repeat joins it without alerting.`,
    );
  });

  it('names the earlier claim of the figure even when that one did not alert either', async () => {
    const [first] = await ingest(NIS_3000);
    const [repeat] = await ingest(NIS_3000_AGAIN);
    expect(reason(await why(String(repeat!.id)))).toBe(
      `Seen before: **NIS** in Korea Herald, Oct 23, 2024 (\`/claim ${first!.id}\`) was already on record here; ` +
        'a repeat joins it without alerting.',
    );
  });

  it('says a statement already alerted for that topic, claimant and status, whatever its wording', async () => {
    const [denial] = await ingest(DENIAL);
    await alerted(denial!.id, [DESK]);
    const [reworded] = await ingest(DENIAL_REWORDED);
    expect(reason(await why(String(reworded!.id)))).toBe(
      `Seen before: a denial by **Kremlin** on this topic already alerted here with **Kremlin** in TASS, Oct 25, 2024 ` +
        `(\`/claim ${denial!.id}\`), which \`/alerts why ${denial!.id}\` explains; statements alert once per topic, claimant and status, whatever the wording.`,
    );
  });

  it('says a claim with no topic alerts nobody, next to one that alerted, for an article asked about by its link', async () => {
    const [pentagon, city] = await ingest(MIXED);
    await alerted(pentagon!.id, [DESK]);
    const answer = await why('https://news.example/reuters/mixed?utm_source=feed');
    expect(answer.title).toBe('Alerts from Test article');
    expect(answer.summary).toBe(
      'Reuters, Oct 27, 2024; arrived May 1, 2025, 12:00 UTC\n2 claims: 1 alerted here, 1 did not.',
    );
    expect(answer.sections[0]!.lines).toHaveLength(2);
    expect(reason(answer, 0)).toMatch(new RegExp(`^Alerted <#${DESK}>, waiting to be sent \\(not tried yet`));
    expect(answer.sections[0]!.lines[1]).toMatch(
      new RegExp(`^\\*\\*#${city!.id}\\*\\* \\*\\*Unattributed\\*\\*: 3,000 residents\\n`),
    );
    expect(reason(answer, 1)).toBe('No topic: channels follow topics, so a claim outside every topic alerts nobody.');
  });

  it('says the same alert came earlier in the same article, whether or not that one alerted', async () => {
    const [first, second] = await ingest(TWICE);
    expect(second!.figure).toBe(first!.figure);
    expect(reason(await why(`article ${first!.articleId}`), 1)).toBe(
      `Same alert as #${first!.id} earlier in this article: an article raises each alert once.`,
    );
    await alerted(first!.id, [DESK]);
    expect(reason(await why(`article ${first!.articleId}`), 1)).toBe(
      `Same alert as #${first!.id} in this article, which raised it: an article raises each alert once.`,
    );
  });

  it('reads a decision that found no followers, with the follows as they stand', async () => {
    const [claim] = await ingest(NIS_1500);
    await t.app.port.outbox.decide(G1, alertKeyOf(claim!), claim!.id, claim!.articleId, 'no-followers', ARRIVED);
    const answer = await why('1');
    expect(answer.title).toBe('Claim #1 did not alert here');
    expect(reason(answer)).toBe(
      'Decided May 1, 2025, 12:00 UTC: no channel followed the topic then. ' +
        'No channel follows it now either: `/alerts follow troops <channel>` sends the next one.',
    );
  });

  it('says no channel followed the topic, checking the follows as they stand', async () => {
    const [claim] = await ingest(NIS_1500);
    expect(reason(await why('1'))).toBe(
      'No channel here followed North Korean troops in Russia (`troops`) when it arrived (May 1, 2025, 12:00 UTC). ' +
        'No channel follows it now either: `/alerts follow troops <channel>` sends the next one.',
    );
    await t.app.port.routes.follow(G1, 'troops', DESK, ASKED);
    expect(reason(await why(String(claim!.id)))).toMatch(
      new RegExp(
        `when it arrived \\(May 1, 2025, 12:00 UTC\\)\\. Now followed in <#${DESK}> \\(since May 3, 2025, 10:00 UTC\\)\\.$`,
      ),
    );
  });

  it('says every channel following the topic was broken when it arrived', async () => {
    await t.app.port.routes.follow(G1, 'troops', DESK, BEFORE);
    await t.app.port.routes.markChannelBroken(G1, DESK, 'Unknown Channel', BEFORE);
    await ingest(NIS_1500);
    expect(reason(await why('1'))).toBe(
      `Every channel following the topic was marked broken when it arrived (<#${DESK}>: Unknown Channel); following again mends one.`,
    );
  });

  it('says a claim that came in while the topic was followed arrived before alerts were decided', async () => {
    await t.app.port.routes.follow(G1, 'troops', DESK, BEFORE);
    await ingest(NIS_1500);
    expect(reason(await why('1'))).toBe(
      "It arrived (May 1, 2025, 12:00 UTC) before alerts were decided for it: a source's first fetch is taken in silently, " +
        'as are the sample folder at start and `cli ingest`, so nothing was decided or sent.',
    );
  });
});

describe('/alerts why, between servers', () => {
  it("treats another server's claim and article as unseen, and shows it to the server that has it", async () => {
    const [claim] = await ingest(NIS_1500, G2);
    await expect(why(String(claim!.id), G1)).rejects.toThrow(`I have no claim #${claim!.id} that this server can see`);
    await expect(why(NIS_1500.url!, G1)).rejects.toThrow('I have no claims from that link that this server can see');
    await expect(why(`article:${claim!.articleId}`, '')).rejects.toThrow(
      `I have no claims from article ${claim!.articleId} that this server can see`,
    );
    expect((await why(String(claim!.id), G2)).title).toBe(`Claim #${claim!.id} did not alert here`);
  });

  it("reads only this server's decisions for a claim every server sees", async () => {
    const [claim] = await ingest(NIS_1500, '');
    await t.app.port.outbox.markSent(await alerted(claim!.id, [DESK], { guildId: G1 }), 'm1', SENT);
    expect((await why('1', G1)).title).toBe('Claim #1 alerted here');
    expect((await why('1', G2)).title).toBe('Claim #1 did not alert here');
    expect(reason(await why('1', G2))).toMatch(/^No channel here followed/);
  });

  it('answers the same from a typed command, privately, and explains a target it cannot read', async () => {
    await ingest(NIS_1500);
    const ask = (line: string) => answerLine(t.app, line, ASKED, silentLogger, G1);
    expect(await ask('/alerts why 1')).toMatchObject({ title: 'Claim #1 did not alert here', ephemeral: true });
    expect((await ask('/alerts why target:article:1')).title).toBe('Alerts from Spy agency: troops in Russia');
    expect((await ask("/alerts why yesterday's story")).summary).toBe(
      "Give a claim number (42 or #42, as /claim takes it), an article's link, or article:ID.",
    );
    expect((await ask('/alerts why 99')).summary).toMatch(/^I have no claim #99 that this server can see/);
  });
});
