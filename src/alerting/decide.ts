import type { IndexedClaim } from '../index/claim-index.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { DEFAULTS, type GuildScope, viewerOf } from '../store/records.js';
import { alertMessage } from './alert-message.js';
import { type Alert, alertKeyOf, alertsFor } from './alert-rule.js';
import { noteRepeats } from './also-reported.js';
import { encodePayload } from './message-payload.js';

/** How many alerts each channel has had this tick: past the limit they fold into one digest. */
export interface TickBudget {
  readonly perChannel: number;
  readonly used: Map<string, number>;
}

export const tickBudget = (perChannel: number): TickBudget => ({ perChannel, used: new Map() });

export interface DecideOptions {
  /** Console mode: the defaults' alerts also go to this pseudo-channel, which prints them. */
  consoleChannel?: string;
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

/**
 * Who gains sight of an article carried by sources of these scopes: the servers that own them,
 * or, for a default source, every server following one of its topics (and the defaults' own
 * audience, which the console speaks for).
 */
async function audienceOf(
  newsroom: Newsroom,
  scopes: readonly GuildScope[],
  topics: readonly string[],
): Promise<GuildScope[]> {
  if (!scopes.includes(DEFAULTS)) return unique(scopes);
  const following = await Promise.all(topics.map((topic) => newsroom.port.routes.guildsFollowing(topic)));
  return unique([DEFAULTS, ...following.flat()]);
}

async function channelsFor(
  newsroom: Newsroom,
  guildId: GuildScope,
  topic: string,
  options: DecideOptions,
): Promise<string[]> {
  const routes = newsroom.port.routes;
  const followed = await routes.channelsFor(guildId, topic);
  if (guildId === DEFAULTS && options.consoleChannel) followed.push(options.consoleChannel);
  const channels = unique(followed);
  const broken = await Promise.all(channels.map((channel) => routes.broken(channel)));
  return channels.filter((_, i) => !broken[i]);
}

/** One decision per server and alert, one message per channel; false when it was decided before. */
async function queueAlert(
  newsroom: Newsroom,
  guildId: GuildScope,
  alert: Alert,
  claim: IndexedClaim,
  channels: string[],
  budget: TickBudget,
  now: Date,
): Promise<boolean> {
  const folded = channels.map((channel) => {
    const used = budget.used.get(channel) ?? 0;
    budget.used.set(channel, used + 1);
    return used >= budget.perChannel;
  });
  const { outbox } = newsroom.port;
  const outcome = folded.every(Boolean) ? 'folded' : 'queued';
  const decisionId = await outbox.decide(guildId, alertKeyOf(claim), claim.id, claim.articleId, outcome, now);
  if (decisionId === null) return false;
  const label = newsroom.index.topics.find((t) => t.key === alert.topic)?.label ?? alert.topic;
  const payload = encodePayload(alertMessage(alert, label));
  for (const [i, channelId] of channels.entries()) {
    await outbox.enqueue({ guildId, channelId, kind: 'alert', decisionId, payload, folded: folded[i] }, now);
  }
  return true;
}

/**
 * Decides the alerts an article raises for every server that can now see it, and queues them.
 * Runs inside the transaction that stored the article's claims (or linked it to a new source),
 * so the claims, the decision and the message to send are written together or not at all.
 * Returns how many alerts were queued.
 */
export async function decideAlerts(
  newsroom: Newsroom,
  articleId: number,
  scopes: readonly GuildScope[],
  budget: TickBudget,
  now: Date,
  options: DecideOptions = {},
): Promise<number> {
  const { index, port } = newsroom;
  const claims = (await port.sourceBook.claimIdsOf(articleId))
    .map((id) => index.claim(id))
    .filter((c): c is IndexedClaim => c !== undefined);
  const topics = unique(claims.map((c) => c.topic).filter((t): t is string => t !== null));
  if (topics.length === 0) return 0;
  let queued = 0;
  for (const guildId of await audienceOf(newsroom, scopes, topics)) {
    // Working out an alert (previous figure, range) costs a topic walk: only for topics someone follows here.
    const channels = await Promise.all(topics.map((topic) => channelsFor(newsroom, guildId, topic, options)));
    const routed = new Map(topics.map((topic, i) => [topic, channels[i]]));
    const followed = claims.filter((c) => c.topic !== null && routed.get(c.topic)!.length > 0);
    for (const alert of alertsFor(index, followed, viewerOf(guildId))) {
      const claim = index.claim(alert.claimId)!;
      if (await queueAlert(newsroom, guildId, alert, claim, routed.get(alert.topic)!, budget, now)) queued++;
    }
    await noteRepeats(newsroom, guildId, followed, now);
  }
  return queued;
}
