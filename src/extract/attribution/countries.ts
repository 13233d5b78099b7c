/**
 * Countries as news copy names them: "Turkey's emergency services" and "Turkish emergency
 * services" are one body, "Seoul" stands for South Korea's government, "the health ministry in
 * Damascus" is Syria's.
 */
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';

// world-countries ships CommonJS typed as an ES default export; require reads it as it is.
const worldCountries = createRequire(import.meta.url)('world-countries') as Countries;

export interface Country {
  name: string;
  demonym: string;
}

// name | demonym | capital | other names
const TABLE = `
Afghanistan|Afghan|Kabul
Algeria|Algerian|Algiers
Argentina|Argentine|Buenos Aires
Armenia|Armenian|Yerevan
Australia|Australian|Canberra
Austria|Austrian|Vienna
Azerbaijan|Azerbaijani|Baku
Bangladesh|Bangladeshi|Dhaka
Belarus|Belarusian|Minsk
Belgium|Belgian|Brussels
Brazil|Brazilian|Brasilia
Bulgaria|Bulgarian|Sofia
Burundi|Burundian|Gitega
Cameroon|Cameroonian|Yaounde
Canada|Canadian|Ottawa
Chad|Chadian|N'Djamena
Chile|Chilean|Santiago
China|Chinese|Beijing
Colombia|Colombian|Bogota
Congo|Congolese|Kinshasa|DRC|DR Congo|Democratic Republic of Congo|Democratic Republic of the Congo
Croatia|Croatian|Zagreb
Cuba|Cuban|Havana
Czech Republic|Czech|Prague
Denmark|Danish|Copenhagen
Egypt|Egyptian|Cairo
Estonia|Estonian|Tallinn
Ethiopia|Ethiopian|Addis Ababa
Finland|Finnish|Helsinki
France|French|Paris
Georgia|Georgian|Tbilisi
Germany|German|Berlin
Ghana|Ghanaian|Accra
Greece|Greek|Athens
Hungary|Hungarian|Budapest
India|Indian|New Delhi
Indonesia|Indonesian|Jakarta
Iran|Iranian|Tehran
Iraq|Iraqi|Baghdad
Ireland|Irish|Dublin
Israel|Israeli|Jerusalem
Italy|Italian|Rome
Japan|Japanese|Tokyo
Jordan|Jordanian|Amman
Kazakhstan|Kazakh|Astana
Kenya|Kenyan|Nairobi
Latvia|Latvian|Riga
Lebanon|Lebanese|Beirut
Libya|Libyan|Tripoli
Lithuania|Lithuanian|Vilnius
Malaysia|Malaysian|Kuala Lumpur
Mexico|Mexican|Mexico City
Moldova|Moldovan|Chisinau
Morocco|Moroccan|Rabat
Myanmar|Myanmar|Naypyidaw|Burma
Nepal|Nepalese|Kathmandu
Netherlands|Dutch|Amsterdam
New Zealand|New Zealand|Wellington
Nigeria|Nigerian|Abuja
North Korea|North Korean|Pyongyang|DPRK
Norway|Norwegian|Oslo
Pakistan|Pakistani|Islamabad
Philippines|Philippine|Manila
Poland|Polish|Warsaw
Portugal|Portuguese|Lisbon
Romania|Romanian|Bucharest
Russia|Russian|Moscow|Russian Federation
Rwanda|Rwandan|Kigali
Saudi Arabia|Saudi|Riyadh
Serbia|Serbian|Belgrade
Slovakia|Slovak|Bratislava
Somalia|Somali|Mogadishu
South Africa|South African|Pretoria
South Korea|South Korean|Seoul|Republic of Korea
South Sudan|South Sudanese|Juba
Spain|Spanish|Madrid
Sudan|Sudanese|Khartoum
Sweden|Swedish|Stockholm
Switzerland|Swiss|Bern
Syria|Syrian|Damascus
Taiwan|Taiwanese|Taipei
Thailand|Thai|Bangkok
Tunisia|Tunisian|Tunis
Turkey|Turkish|Ankara|Türkiye|Turkiye
Uganda|Ugandan|Kampala
Ukraine|Ukrainian|Kyiv|Kiev
United Arab Emirates|Emirati|Abu Dhabi|UAE
United Kingdom|British|London|Britain|UK|U.K.
United States|US|Washington|USA|U.S.|America
Venezuela|Venezuelan|Caracas
Vietnam|Vietnamese|Hanoi
Yemen|Yemeni|Sanaa
`;

const byWord = new Map<string, Country>();
const byName = new Map<string, Country>();
const capitals = new Set<string>();
const written: string[] = [];
function addCountry(country: Country, names: readonly string[], capital: string | null): void {
  for (const word of capital ? [...names, capital] : names) {
    if (byWord.has(word.toLowerCase())) continue;
    byWord.set(word.toLowerCase(), country);
    written.push(word);
  }
  for (const word of names) if (!byName.has(word.toLowerCase())) byName.set(word.toLowerCase(), country);
  if (capital) capitals.add(capital.toLowerCase());
}

for (const line of TABLE.trim().split('\n')) {
  const [name, demonym, capital, ...others] = line.split('|') as [string, string, string, ...string[]];
  addCountry({ name, demonym }, [name, demonym, ...others], capital);
}
// The rest of the world by name and demonym from world-countries. Capitals stay the table's:
// only a capital newsrooms use for its government ("Seoul said") should stand for one, and
// "Victoria" or "Kingston" is more often a person or a town. Two- and three-letter codes stay out.
for (const c of worldCountries) {
  if (!c.unMember && !['Palestine', 'Kosovo', 'Taiwan'].includes(c.name.common)) continue;
  const demonym = c.demonyms?.eng?.m ?? c.name.common;
  const longNames = c.altSpellings.filter((a) => a.length > 3 && /^[\p{Lu}]/u.test(a) && !/[()]/.test(a));
  addCountry({ name: c.name.common, demonym }, [c.name.common, demonym, ...longNames], null);
}

const possessive = (word: string) => word.replace(/['’]s$/i, '');

/** The country a word names: "Turkey", "Turkey's", "Turkish", "Ankara", "Türkiye". */
export function countryOf(word: string): Country | undefined {
  return byWord.get(possessive(word).toLowerCase());
}

/** The country a word names as a country ("Turkey's", "Turkish"), not as its capital: "Paris police" stay Paris's. */
export function countryNamed(word: string): Country | undefined {
  return byName.get(possessive(word).toLowerCase());
}

/** "Seoul said", "Washington believes": a capital standing for its government. */
export function isCapital(word: string): boolean {
  return capitals.has(word.toLowerCase());
}

// Case matters: "US" is the country, "us" is not.
const COUNTRY_WORDS = written.sort((a, b) => b.length - a.length).map((w) => w.replace(/[.]/g, '\\.'));
const COUNTRY_MENTION = new RegExp(`(?<![\\p{L}])(?:${COUNTRY_WORDS.join('|')})(?![\\p{L}])`, 'gu');

let lastText = '';
let lastFound: Array<{ at: number; country: Country }> = [];

/** Every country a text names, in order, by any of its names. The last sentence's answer is kept: phrases ask it often. */
export function countriesIn(text: string): Array<{ at: number; country: Country }> {
  if (text === lastText) return lastFound;
  const found: Array<{ at: number; country: Country }> = [];
  lastText = text;
  lastFound = found;
  for (const m of text.matchAll(COUNTRY_MENTION)) {
    const country = countryOf(m[0]);
    if (country) found.push({ at: m.index, country });
  }
  return found;
}
