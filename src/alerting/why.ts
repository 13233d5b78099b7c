import type { Answer } from '../answers/answer.js';
import { describeFigure, nameOf } from '../answers/figure-text.js';
import { channelMention } from '../format/channels.js';
import { formatDay, formatMoment } from '../format/days.js';
import { escapeMarkdown, quote } from '../format/markdown.js';
import { plural } from '../format/numbers.js';
import type { ClaimIndex, IndexedClaim } from '../index/claim-index.js';
import { isVisible, statusGroup } from '../index/records.js';
import type { Decision, OutboxMessage } from '../store/outbox.js';
import { type GuildScope, viewerOf } from '../store/records.js';
import type { StorePort } from '../store/store-port.js';
import { alertKeyOf } from './alert-rule.js';
import { topicName } from './topic-label.js';
import { describeDecision } from './why-delivery.js';
import { resolveWhyTarget, type WhyTarget } from './why-target.js';

/**
 * /alerts why: for each claim of an article (or one claim), why it did or did not alert in this
 * server. Decisions are written as articles arrive (src/alerting/decide.ts), so a claim that
 * alerted has one, and so has the claim that raised an alert a later repeat joined. Without one,
 * the alert rule (src/alerts.ts) is replayed against what the server could see before the claim
 * arrived (claim ids are arrival order), and against the follows as they stand.
 */

interface Why {
  index: ClaimIndex;
  store: StorePort;
  guildId: GuildScope;
  /** isVisible's scope: null for the defaults. */
  viewer: string | null;
  zone: string;
  target: WhyTarget;
  decisions: Map<number, Decision>;
  messages: OutboxMessage[];
}

interface Verdict {
  alerted: boolean;
  text: string;
}

const silent = (text: string): Verdict => ({ alerted: false, text });
const ONCE = 'an article raises each alert once.';

/** "**NIS** in Korea Herald, Oct 23, 2024 (`/claim 2`)": the earlier claim, and how to open it. */
function claimRef(c: IndexedClaim): string {
  const outlet = c.article.outletName ? escapeMarkdown(c.article.outletName) : 'an unknown outlet';
  return `${nameOf(c.claimant)} in ${outlet}, ${formatDay(c.article.day)} (\`/claim ${c.id}\`)`;
}
const isStatement = (claim: IndexedClaim) => alertKeyOf(claim) !== claim.figure.key;
const ruleFor = (claim: IndexedClaim) =>
  isStatement(claim)
    ? 'statements alert once per topic, claimant and status, whatever the wording'
    : 'a repeat joins it without alerting';

/** Claims that make the same alert: the figure's, or for a statement its topic, claimant and status group's. */
function sameAlert(why: Why, claim: IndexedClaim): IndexedClaim[] {
  if (!isStatement(claim)) return claim.figure.claims;
  const group = statusGroup(claim.status, claim.low);
  const row = why.index.topicRows(claim.topic!).find((r) => r.claimant === claim.claimant && r.group === group);
  return (row?.figures.flatMap((f) => f.claims) ?? []).filter((c) => alertKeyOf(c) === alertKeyOf(claim));
}

/** The follows of the topic as they stand now: the live half of "no channel followed it". */
async function followsNow(why: Why, topic: string) {
  const follows = (await why.store.routes.follows(why.guildId)).filter((f) => f.topic === topic);
  const text =
    follows.length === 0
      ? `No channel follows it now either: \`/alerts follow ${topic} <channel>\` sends the next one.`
      : `Now followed in ${follows.map((f) => `${channelMention(f.channelId)} (since ${formatMoment(f.createdAt, why.zone)})`).join(', ')}.`;
  return { follows, text };
}

/** Another claim of the same alert already alerted here: a repeat joins it. */
async function raisedElsewhere(
  why: Why,
  claim: IndexedClaim,
  others: readonly IndexedClaim[],
): Promise<Verdict | undefined> {
  const key = alertKeyOf(claim);
  const ids = others.filter((c) => c.id !== claim.id && isVisible(c.article, why.viewer)).map((c) => c.id);
  const raised = (await why.store.outbox.decisionsFor(why.guildId, ids)).find(
    (d) => d.alertKey === key && d.outcome !== 'no-followers',
  );
  const by = raised && why.index.claim(raised.claimId);
  if (!by) return undefined;
  if (by.articleId === claim.articleId)
    return silent(`Same alert as #${by.id} in this article, which raised it: ${ONCE}`);
  const kinds = { denied: 'a denial', confirmed: 'a confirmation' } as Record<string, string>;
  const kind = kinds[statusGroup(claim.status, claim.low)] ?? 'a no-evidence statement';
  const what = isStatement(claim) ? `${kind} by ${nameOf(claim.claimant)} on this topic` : 'this figure';
  return silent(
    `Seen before: ${what} already alerted here with ${claimRef(by)}, which \`/alerts why ${by.id}\` explains; ${ruleFor(claim)}.`,
  );
}

/** No decision anywhere: the alert rule replayed on what came before, then the follows. */
function replayed(why: Why, claim: IndexedClaim, others: readonly IndexedClaim[]): Promise<Verdict> | Verdict {
  const before = others.filter(
    (c) => c.id < claim.id && c.articleId !== claim.articleId && isVisible(c.article, why.viewer),
  );
  const first = before.sort((a, b) => a.id - b.id)[0];
  if (first) {
    return silent(`Seen before: ${claimRef(first)} was already on record here; ${ruleFor(claim)}.`);
  }
  const twin = why.target.claims.find(
    (c) => c.position < claim.position && c.topic && alertKeyOf(c) === alertKeyOf(claim),
  );
  if (twin) return silent(`Same alert as #${twin.id} earlier in this article: ${ONCE}`);
  return undecided(why, claim);
}

/** It would have alerted, but no decision was written: nobody followed, or it came in silently. */
async function undecided(why: Why, claim: IndexedClaim): Promise<Verdict> {
  const topic = claim.topic!;
  const live = await followsNow(why, topic);
  const arrived = claim.article.ingestedAt;
  const then = live.follows.filter((f) => f.createdAt <= arrived);
  if (then.length === 0) {
    return silent(
      `No channel here followed ${topicName(why.index, topic)} when it arrived (${formatMoment(arrived, why.zone)}). ${live.text}`,
    );
  }
  // Alerts skip broken channels; a mark older than the claim explains the silence.
  const marks = (await Promise.all(then.map((f) => why.store.routes.broken(f.channelId)))).filter(
    (m) => m?.guildId === why.guildId && m.brokenAt <= arrived,
  );
  if (marks.length === then.length) {
    const reasons = marks.map((m) => `${channelMention(m!.channelId)}: ${escapeMarkdown(m!.reason)}`).join('; ');
    return silent(
      `Every channel following the topic was marked broken when it arrived (${reasons}); following again mends one.`,
    );
  }
  return silent(
    `It arrived (${formatMoment(arrived, why.zone)}) before alerts were decided for it: a source's first fetch is ` +
      'taken in silently, as are the sample folder at start and `cli ingest`, so nothing was decided or sent.',
  );
}

async function verdictOf(why: Why, claim: IndexedClaim): Promise<Verdict> {
  if (!claim.topic) return silent('No topic: channels follow topics, so a claim outside every topic alerts nobody.');
  const decision = why.decisions.get(claim.id);
  if (decision?.outcome === 'no-followers') {
    return silent(
      `${await describeDecision(why.store, decision, why.messages, why.zone)} ${(await followsNow(why, claim.topic)).text}`,
    );
  }
  if (decision) {
    // Decided but stuck on broken channels everywhere is not "alerted" in the title; the line says which.
    const delivered = why.messages.some((m) => m.decisionId === decision.id && m.status !== 'broken');
    return { alerted: delivered, text: await describeDecision(why.store, decision, why.messages, why.zone) };
  }
  const others = sameAlert(why, claim);
  return (await raisedElsewhere(why, claim, others)) ?? replayed(why, claim, others);
}

const lineOf = (claim: IndexedClaim, verdict: Verdict) =>
  `**#${claim.id}** ${nameOf(claim.claimant)}: ${describeFigure(claim)}${claim.topic ? ` [${claim.topic}]` : ''}\n${verdict.text}`;

/**
 * Explains why each claim of the target did or did not alert in this server ('' is the
 * defaults). The target is a claim number, an article's link, or article:ID.
 */
export async function explainAlerts(
  index: ClaimIndex,
  store: StorePort,
  guildId: GuildScope,
  targetText: string,
  zone = 'UTC',
): Promise<Answer> {
  const viewer = viewerOf(guildId);
  const target = await resolveWhyTarget(index, store, targetText, viewer);
  const decisions = await store.outbox.decisionsFor(
    guildId,
    target.claims.map((c) => c.id),
  );
  const why: Why = {
    index,
    store,
    guildId,
    viewer,
    zone,
    target,
    decisions: new Map(decisions.map((d) => [d.claimId, d])),
    messages: await store.outbox.messagesFor(decisions.map((d) => d.id)),
  };
  const asked = target.claim ? [target.claim] : target.claims;
  const verdicts: Array<{ claim: IndexedClaim; verdict: Verdict }> = [];
  for (const claim of asked) verdicts.push({ claim, verdict: await verdictOf(why, claim) });
  const { article } = target;
  const from =
    `${article.outletName ? escapeMarkdown(article.outletName) : 'Unknown outlet'}, ${formatDay(article.day)}; ` +
    `arrived ${formatMoment(article.ingestedAt, zone)}`;
  const alerted = verdicts.filter((v) => v.verdict.alerted).length;
  const name = article.title ? escapeMarkdown(article.title) : (article.url ?? `article ${article.id}`);
  return {
    title: target.claim
      ? `Claim #${target.claim.id} ${alerted ? 'alerted' : 'did not alert'} here`
      : `Alerts from ${name}`,
    summary: target.claim
      ? `> ${quote(target.claim.sentence)}\n${from}`
      : `${from}\n${plural(verdicts.length, 'claim')}: ${alerted} alerted here, ${verdicts.length - alerted} did not.`,
    url: article.url ?? undefined,
    sections: [{ heading: target.claim ? 'Why' : 'Claims', lines: verdicts.map((v) => lineOf(v.claim, v.verdict)) }],
    footer:
      'Alerts are decided per server as articles arrive: the first report of a figure here alerts, a repeat does not.',
    ephemeral: true,
  };
}
