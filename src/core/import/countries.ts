/**
 * Country names as brokers type them (Russian, Kazakh, English, common abbreviations) to ISO
 * 3166 alpha-2. Keys are normalised: lower case, ё→е, punctuation removed.
 */
const NAMES: Record<string, string[]> = {
  RU: ['россия', 'российская федерация', 'рф', 'russia', 'russian federation', 'ресей', 'ресей федерациясы', 'rus'],
  BY: ['беларусь', 'белоруссия', 'республика беларусь', 'рб', 'belarus', 'беларусь республикасы', 'blr'],
  KZ: ['казахстан', 'республика казахстан', 'рк', 'kazakhstan', 'қазақстан', 'қазақстан республикасы', 'kaz'],
  KG: ['кыргызстан', 'киргизия', 'кыргызская республика', 'kyrgyzstan', 'kyrgyz republic', 'қырғызстан', 'kgz'],
  AM: ['армения', 'armenia', 'армения республикасы', 'республика армения', 'arm'],
  CN: ['китай', 'кнр', 'china', 'prc', 'қытай', 'chn', 'китайская народная республика'],
  JP: ['япония', 'japan', 'жапония', 'jpn'],
  KR: ['корея', 'южная корея', 'республика корея', 'south korea', 'korea', 'republic of korea', 'оңтүстік корея', 'корея республикасы', 'kor'],
  DE: ['германия', 'germany', 'германия федеративная республика', 'фрг', 'deutschland', 'германия', 'deu'],
  US: ['сша', 'соединенные штаты', 'соединенные штаты америки', 'америка', 'usa', 'united states', 'united states of america', 'америка құрама штаттары', 'ақш'],
  AE: ['оаэ', 'объединенные арабские эмираты', 'uae', 'united arab emirates', 'бұаэ', 'эмираты'],
  TR: ['турция', 'turkey', 'turkiye', 'түркия', 'тур'],
  GE: ['грузия', 'georgia', 'грузия республикасы'],
  UZ: ['узбекистан', 'uzbekistan', 'өзбекстан'],
  TJ: ['таджикистан', 'tajikistan', 'тәжікстан'],
  TM: ['туркменистан', 'turkmenistan', 'түрікменстан'],
  AZ: ['азербайджан', 'azerbaijan', 'әзірбайжан'],
  UA: ['украина', 'ukraine', 'украина'],
  MD: ['молдова', 'молдавия', 'moldova'],
  MN: ['монголия', 'mongolia', 'моңғолия'],
  PL: ['польша', 'poland', 'польша', 'польшa'],
  LT: ['литва', 'lithuania'],
  LV: ['латвия', 'latvia'],
  EE: ['эстония', 'estonia'],
  FI: ['финляндия', 'finland'],
  FR: ['франция', 'france'],
  IT: ['италия', 'italy'],
  ES: ['испания', 'spain'],
  PT: ['португалия', 'portugal'],
  GB: ['великобритания', 'англия', 'соединенное королевство', 'uk', 'united kingdom', 'great britain', 'britain', 'england', 'ұлыбритания'],
  CZ: ['чехия', 'czech republic', 'czechia'],
  SK: ['словакия', 'slovakia'],
  HU: ['венгрия', 'hungary'],
  RO: ['румыния', 'romania'],
  BG: ['болгария', 'bulgaria'],
  SE: ['швеция', 'sweden'],
  NO: ['норвегия', 'norway'],
  DK: ['дания', 'denmark'],
  NL: ['нидерланды', 'голландия', 'netherlands', 'holland'],
  BE: ['бельгия', 'belgium'],
  AT: ['австрия', 'austria'],
  CH: ['швейцария', 'switzerland'],
  CA: ['канада', 'canada'],
  MX: ['мексика', 'mexico'],
  BR: ['бразилия', 'brazil'],
  IN: ['индия', 'india', 'үндістан'],
  IR: ['иран', 'iran'],
  VN: ['вьетнам', 'vietnam', 'viet nam'],
  TH: ['таиланд', 'тайланд', 'thailand'],
  MY: ['малайзия', 'malaysia'],
  ID: ['индонезия', 'indonesia'],
  AU: ['австралия', 'australia'],
  SI: ['словения', 'slovenia'],
  RS: ['сербия', 'serbia'],
  IL: ['израиль', 'israel'],
};

const BY_NAME = new Map<string, string>();
for (const [code, names] of Object.entries(NAMES)) {
  BY_NAME.set(code.toLowerCase(), code);
  for (const name of names) BY_NAME.set(name, code);
}

export function countryCode(normalised: string): string | null {
  return BY_NAME.get(normalised) ?? null;
}

/** Every country code the importer knows by name, for drop-down lists. */
export const KNOWN_COUNTRY_CODES: readonly string[] = Object.keys(NAMES);
