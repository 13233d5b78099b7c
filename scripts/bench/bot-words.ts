/**
 * Words and sentence templates for the bot bench's generated claims. The point is a text index
 * with a real vocabulary: a few hundred common words, a long tail of places, villages, people
 * and unit numbers, so /search postings are skewed the way a story's coverage is.
 */

export type Rng = () => number;

/** mulberry32: tiny, fast and deterministic, so every run builds the same store. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy in random order (Fisher-Yates), the same for the same generator state. */
export function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** A Zipf-like picker (weight 1/rank^s): a few names dominate coverage, most are rare. */
export function zipf<T>(list: readonly T[], s = 1.05): (rng: Rng) => T {
  const cumulative: number[] = [];
  let total = 0;
  list.forEach((_, i) => {
    cumulative.push((total += 1 / (i + 1) ** s));
  });
  return (rng) => {
    const x = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo]!;
  };
}

const words = (text: string) => text.trim().split(/\s*\|\s*/);
const templates = (text: string) => text.trim().split(/\s*¦\s*/);

export const PLACES =
  words(`Kursk | Kursk region | Sudzha | Korenevo | Belgorod | Bryansk | Rostov-on-Don | Voronezh | Moscow
  | Vladivostok | Khabarovsk | Ussuriysk | Primorye | the Russian Far East | Novosibirsk | Kamchatka | Sakhalin | Kazan
  | Krasnodar | Crimea | Sevastopol | Kerch | Donetsk | Luhansk | Mariupol | Zaporizhzhia | Kherson | Kharkiv | Sumy
  | Pokrovsk | Kurakhove | Vuhledar | Bakhmut | Avdiivka | Toretsk | Chasiv Yar | Kupiansk | Lyman | Kramatorsk
  | Sloviansk | Dnipro | Odesa | Mykolaiv | Kyiv | Lviv | Chernihiv | Poltava | Pyongyang | Wonsan | Rason | Chongjin
  | Sinuiju | Hamhung | Nampo | Kaesong | Seoul | Busan | Incheon | the Demilitarized Zone | Tumen River | Khasan
  | Tumangang | Zarubino | Vostochny | Sochi | St. Petersburg | Kaliningrad | Murmansk | Orel | Tula | Smolensk
  | Kaluga | Lipetsk | Tambov | Saratov | Samara | Yekaterinburg | Omsk | Irkutsk | Chita | Blagoveshchensk
  | Birobidzhan | Nakhodka | Arsenyev | Spassk-Dalny | Lesozavodsk | Dalnerechensk | Bikin | Vyazemsky | Komsomolsk
  | Tokyo | Beijing | Brussels | Washington | London | Paris | Berlin | Warsaw | New York | Geneva | Vienna`);

/** Village names built from parts: thousands of rare words, as front-line reporting has. */
const PREFIXES = words(`Novo | Staro | Krasno | Velyko | Mala | Verkhnyo | Nyzhnyo | Pervo | Bilo | Chorno | Zeleno
  | Sukho | Kamen | Pishchan | Lozo | Hlyb | Ivan | Mykhailo | Petro | Oleksandro | Hryhor | Serhi | Kosti | Andri | Vasyl`);
const ROOTS =
  words(`hrad | pil | dol | yar | bur | hor | lyn | vod | sel | dar | mir | pol | kam | lis | bor | brod | most
  | ozer | kut | hai | dub | sos | vyshn | yablun | hrush | kalyn | mak | lan | step | rich | stav | kopan | zavod
  | khut | sad | luk | bereh | ostrov | holm | dolyn | vys | zor | zvezd | chervon | syn | bil | vovch | lysych | orl`);
const SUFFIXES = words(`ivka | ove | ne | ka | ske | ivske | yne | ino | ovo | evo | ivtsi | ychi`);
export const VILLAGES: string[] = [];
for (const p of PREFIXES) for (const r of ROOTS) for (const s of SUFFIXES) VILLAGES.push(p + r + s);

const FIRST =
  words(`Kim | Lee | Park | Choi | Jung | Kang | Cho | Yoon | Jang | Lim | Han | Oh | Seo | Shin | Kwon | Hwang
  | Oleksandr | Serhiy | Andriy | Dmytro | Yuriy | Mykola | Ivan | Viktor | Olena | Iryna | Natalia | Yulia | Andrei
  | Sergei | Alexei | Mikhail | Vladimir | Igor | Nikolai | John | Michael | David | Sarah | Emily | James | Robert`);
const LAST =
  words(`Min-su | Ji-hoon | Seung-woo | Hyun-jin | Dong-hyun | Sung-ho | Jae-won | Tae-hoon | Young-ho | Sang-min
  | Kovalenko | Bondarenko | Tkachenko | Kravchenko | Shevchenko | Melnyk | Boyko | Polishchuk | Lysenko | Marchenko
  | Hrytsenko | Savchenko | Rudenko | Moroz | Ivanov | Petrov | Sidorov | Smirnov | Kuznetsov | Popov | Volkov | Sokolov
  | Lebedev | Kozlov | Novikov | Morozov | Pavlov | Fedorov | Miller | Johnson | Carter | Brooks | Hughes | Mitchell
  | Sullivan | Bennett | Foster | Hayes | Russell | Griffin | Harper | Fisher | Reed | Coleman | Warren | Palmer`);
export const OFFICIALS: string[] = [];
for (const f of FIRST) for (const l of LAST) OFFICIALS.push(`${f} ${l}`);

export const ROLES =
  words(`a senior official | a defence official | a military spokesman | an intelligence officer | a lawmaker
  | a government adviser | a regional governor | a brigade commander | a border guard spokesman | an analyst
  | a deputy minister | a presidential aide | a parliamentary committee member | a diplomat | a military analyst`);

export const MONTHS = words(
  `January | February | March | April | May | June | July | August | September | October | November | December`,
);
export const DAYS = words(`Monday | Tuesday | Wednesday | Thursday | Friday | Saturday | Sunday`);
export const SAID =
  words(`said | told reporters | told lawmakers | told a news conference | said in a statement | announced
  | estimated | assessed | wrote on Telegram | said in a televised address | told a briefing | said in an interview
  | told parliament | said in a report | posted on X | confirmed | reported | said late | told state television`);
export const MOVED =
  words(`sent | deployed | dispatched | moved | transferred | shipped | stationed | redeployed | rotated
  | airlifted | positioned | brought in | committed | massed | assembled | concentrated | trained | embedded`);
export const ADJ =
  words(`elite | special operations | frontline | fresh | additional | second-wave | regular | reserve | newly arrived
  | battle-hardened | poorly equipped | young | conscripted | well-trained | inexperienced | lightly armed | mechanised`);
export const SOURCES =
  words(`satellite imagery | intercepted communications | drone footage | captured documents | prisoner interviews
  | railway records | shipping data | social media videos | open-source analysis | signals intelligence | defector accounts
  | customs records | flight tracking data | local residents | battlefield reports | radio intercepts | commercial imagery`);
export const WEAPONS =
  words(`KN-23 missiles | KN-24 missiles | Hwasong-11 missiles | Koksan self-propelled guns | 170mm guns
  | 240mm rocket launchers | 122mm shells | 152mm shells | Bulsae anti-tank missiles | multiple rocket launchers
  | Type 73 machine guns | mortar rounds | artillery ammunition | short-range ballistic missiles | howitzers`);
export const FORMATIONS =
  words(`Corps | Brigade | Division | Regiment | Battalion | Storm Corps | Airborne Brigade | Marine Brigade
  | Motorised Rifle Division | Guards Regiment | Assault Battalion | Artillery Brigade`);
export const PERIODS =
  words(`since August | since the summer | over the past month | in recent weeks | this year | last year
  | since the start of the offensive | in the past 10 days | since the autumn | over the winter | this spring
  | by the end of the month | before the new year | in the coming weeks | within months`);
export const CONTEXT =
  words(`amid a renewed Russian offensive | as talks on a ceasefire stalled | ahead of a NATO summit
  | after a closed-door briefing | following a visit by Kim Jong Un | as winter set in | after weeks of heavy fighting
  | as Ukraine pressed its incursion | despite sanctions | in breach of UN resolutions | as Washington weighed new aid
  | after a railway convoy was spotted | as the front line shifted | during a lull in the fighting
  | as Seoul weighed sending observers | ahead of an emergency UN Security Council meeting | after drone strikes`);

/** Topic-specific nouns, so a munitions claim reads unlike a casualty claim. */
export const SUBJECT: Record<string, string[]> = {
  troops: words(
    `North Korean troops | soldiers from the North | North Korean forces | Pyongyang's soldiers | the contingent`,
  ),
  casualties: words(`North Korean soldiers | troops from the North | North Korean units | Pyongyang's forces`),
  munitions: words(`North Korean munitions | weapons from Pyongyang | shipments of ammunition | arms from the North`),
  '': words(`the North | Pyongyang | the regime | North Korea`),
};

/**
 * Figure claims. Slots: {who} claimant as written, {fig} hedged figure, {unit}, {topic} subject,
 * {via} relaying outlet; the rest are filled from the lists above.
 */
export const FIGURE_TEMPLATES =
  templates(`{who} {said} that {fig} {unit} had been {moved} to {place} {period}, citing {source}.
  ¦ About {fig} {unit} are now in {place}, {who} {said} on {day}, {context}.
  ¦ {who} {said} {fig} {adj} {unit} were {moved} near {village} in the {place} area {period}.
  ¦ According to {via}, {who} put the figure at {fig} {unit}, up from earlier estimates, {context}.
  ¦ "We see {fig} {unit} in {place}," {official}, {role}, {said} on {day}.
  ¦ {who} now believes {fig} {unit} are operating around {village}, according to {source}.
  ¦ The {ordinal} {formation} accounts for {fig} {unit}, {who} {said}, after {source} from {place}.
  ¦ In {month}, {who} estimated {fig} {unit} in {place}; {official} {said} the number could change {period}.
  ¦ {fig} {unit} were counted near {village} and {village2}, {who} {said}, {context}.
  ¦ {who} {said} on {day} that {topic} numbered {fig} {unit}, with more expected {period}.
  ¦ Citing {source}, {who} {said} {fig} {unit} had crossed into {place} {period}.
  ¦ {official}, {role}, {said} {who} had briefed that {fig} {unit} were {moved} to {place}.
  ¦ {who} {said} {fig} {unit} linked to the {ordinal} {formation} were seen near {village}, {context}.
  ¦ The total reached {fig} {unit} by {month}, {who} {said}, pointing to {source} near {place}.
  ¦ {via} reported that {who} counted {fig} {unit} in {place} and {place2}, {context}.
  ¦ {who} expects {fig} {unit} to be {moved} to {place} {period}, {official} {said}.
  ¦ At a briefing in {place}, {who} {said} {fig} {unit} had been {moved} {period}.
  ¦ {fig} {unit}, {who} {said}, had arrived in {place} by rail via {village}, {context}.
  ¦ {who} {said} its estimate of {fig} {unit} rested on {source} gathered {period}.
  ¦ Officials from {who} told {via} that {fig} {unit} were in {place} as of {month}.
  ¦ The {adj} force of {fig} {unit} is based near {village}, {who} {said}, {context}.
  ¦ {who} revised its figure to {fig} {unit} on {day}, after {source} showed movements near {place}.
  ¦ {official} of {who} {said} {fig} {unit} were involved in fighting around {village} {period}.
  ¦ In a report on {topic}, {who} {said} {fig} {unit} were spread across {place} and {village}.
  ¦ {who} {said} {fig} {unit} tied to {weapon} deliveries passed through {place} {period}.
  ¦ Sources cited by {via} said {who} had tallied {fig} {unit} near {place} by {month}.`);

/** Denials: no figure, so {fig} and {unit} do not appear. Many slots each, so sentences differ. */
export const DENIAL_TEMPLATES =
  templates(`{who} denied on {day} that {topic} were in {place}, calling the reports "fake news" {period}.
  ¦ "There are no {topic} in {place}," {official}, {role}, {said} on {day}, {context}.
  ¦ {who} dismissed reports about {topic} near {village} as Western propaganda {period}, {official} {said}.
  ¦ {who} rejected claims by {via} about {topic} around {village}, {context}.
  ¦ {official} of {who} {said} on {day} that talk of {topic} in {place} was "a provocation" {period}.
  ¦ {who} flatly denied that {topic} had been {moved} to {place} or {village}, {context}.`);

/** No-evidence statements (status unverified): doubt, not denial. */
export const DOUBT_TEMPLATES =
  templates(`{who} {said} it had no evidence that {topic} were {moved} to {place}, {context}.
  ¦ {who} {said} on {day} it could not confirm that {topic} had been {moved} to {place}, citing a lack of {source}.
  ¦ Asked about {topic} in {place}, {who} {said} it had seen no sign of them {period}, {official} added.
  ¦ {who} told {via} it had no independent confirmation of {topic} near {village} {period}.
  ¦ {official}, {role}, {said} {who} had found no trace of {topic} around {village} despite {source}.
  ¦ {who} {said} in {month} that reports of {topic} near {village} were unverified, {context}.`);
