/**
 * The words attribution is read from: English news grammar, not any one story's names. A
 * speaker is a noun phrase whose head is a name or one of these institutional or role nouns.
 */
import { anyOf } from '../regexp.js';

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** Heads of a phrase naming a body that can make a claim: "Turkish emergency services", "police". */
export const BODY_HEADS = set(`
  ministry ministries agency agencies authority authorities service services police office offices department
  departments council committee government governments administration union unions confederation federation
  association commission command army military forces guard guards institute institutes centre centres center centers observatory crescent
  cross foundation group groups bureau directorate mission coalition alliance secretariat prefecture municipality
  hall hospital hospitals court prosecutors prosecutor parliament senate assembly survey bank fund programme
  program organisers organizers organisation organization organisations organizations officials rescuers
  volunteers medics doctors staff team teams brigade firefighters headquarters intelligence junta cabinet kremlin
  pentagon presidency palace embassy consulate regime network charity charities operator company firm tally media
  party parties utility utilities county
`);

/** Heads that name one person by office: "the mayor", "Hatay governor", "a spokesman". */
export const ROLE_HEADS = set(`
  mayor governor minister president premier chancellor spokesman spokeswoman spokesperson official director chief
  head commander secretary lawmaker legislator ambassador envoy adviser advisor leader chairman chairwoman chair
  coordinator representative officer deputy general colonel prosecutor researcher analyst expert
`);

/** Bodies so general they name nobody unless qualified ("officials in Kahramanmaras"). */
export const GENERIC_HEADS = set(
  `officials authorities sources experts analysts observers critics residents witnesses lawmakers legislators
  videos images footage photos pictures documents`,
);

/** What an outlet is called before or after its name: "public broadcaster TRT", "the Yonhap news agency". */
export const OUTLET_WORDS = set(`
  broadcaster broadcasters newspaper newspapers daily paper tabloid weekly magazine outlet outlets website site
  channel television tv radio wire
`);

/** Descriptions around a proper name that are not part of it: "the CGT union", "grid operator Enedis". */
export const DESCRIPTORS = set(`
  union group federation agency organisation organization association network party movement charity firm company utility
  operator broadcaster newspaper daily website site channel outlet body institute committee monitor monitoring
`);

/** What a figure is "according to" besides a body: "the latest update from AFAD", "the most recent WHO data". */
export const DATA_WORDS = set(`
  update updates data figure figures count counts tally tallies estimate estimates report reports assessment
  assessments statement statements bulletin bulletins briefing briefings information numbers toll tolls survey
  analysis projections projection statistics records list findings
`);

/** Words that end a speaker phrase read backwards or forwards. */
export const STOP_WORDS = set(`
  that which who whom whose where when while whereas although though but because as if after before since until
  than then so yet or nor is was are were be been being has have had do does did will would could can may might
  must shall should it its this these those there here what how why also not no only even just now still already
  to into onto at on in by from with without over under about around between among per via his her their its
  our my your
`);

/** Titles before a person's name, dropped from the name and kept as the office. */
export const TITLE_WORDS = set(`
  president vice prime minister deputy foreign defence defense interior health justice finance economy environment
  education labour labor mayor governor gen general lt lieutenant col colonel maj major rep sen dr mr ms
  mrs prof professor sir dame lord director chief spokesman spokeswoman spokesperson secretary secretary-general
  ambassador commander chairman chairwoman senator representative lawmaker congressman congresswoman judge
  prosecutor king queen prince sheikh emir pope cardinal bishop premier chancellor acting former then top senior
`);

/** Report verbs after a speaker: "X said", "X put the toll at", "X counts". */
export const REPORT_VERBS = [
  'said|says|say|told|tells|tell|reported|reports|report|estimated|estimates|estimate|counted|counts|count',
  'recorded|records|registered|registers|listed|lists|logged|measured|tallied|announced|announces',
  'confirmed|confirms|stated|states|added|adds|noted|notes|warned|warns|believes|believe|believed|assessed|assesses',
  'claimed|claims|claim|wrote|writes|posted|tweeted|indicated|indicates|revealed|reveals|disclosed|discloses',
  'suggested|suggests|projected|projects|expects|expect|expected|predicted|predicts|found|finds|cited|cites',
  'calculated|calculates|documented|documents|verified|acknowledged|acknowledges|admitted|insisted|insists|explained',
  String.raw`put(?:s|ting)?\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,8}at\b`,
  String.raw`(?:used|uses|gave|gives|cited|cites)\s+(?:a|the)\s+(?:figure|number|estimate|toll|count)`,
  'gave|gives|released|published|issued|denied|denies|dismissed',
  'rejected|rejects|told reporters|told lawmakers|briefed|briefs|called|calls|described|describes|branded|labell?ed',
  // Money a body gives is its own figure: "The World Bank has pledged $1.78 billion".
  String.raw`pledged|pledges|approved|approves|allocated|allocates|donated|donates|earmarked|launch(?:ed|es)\s+an?\s+(?:\w+\s+)?(?:\w+\s+)?appeal`,
];
export const REPORT_VERB = anyOf(REPORT_VERBS);

/** Between a speaker and the verb: "has", "also", "on Monday", "in a statement". */
export const BETWEEN_SPEAKER_AND_VERB = String.raw`(?:\s+(?:has|have|had|also|later|previously|earlier|again|then|now|first|initially|already|still|once|reportedly|publicly|separately|recently|repeatedly|on\s+\w+|last\s+\w+|this\s+\w+|in\s+a\s+(?:statement|briefing|post|report|tweet)|[a-z]+ly))*`;

/** Verbs after which the person introduces someone else's claim: "Lee told reporters the NIS said". */
export const RELAYING = /\b(?:told|tells|said|says|informed|briefed|quoted)\b/i;
