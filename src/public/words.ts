// The public pages' words in English, German and Ukrainian. The names of the codes (milestones,
// tiers, standings, agreements…) are the staff page's own translation files, read once at start,
// so both pages always call a thing by the same name.
import { formatBusinessDate, type BusinessDate, type DisplayLanguage, type LocalizedName } from '../partnerships/domain/index.js';
import { codeName } from '../web/page-codes.js';

export const LANGUAGES: readonly DisplayLanguage[] = ['en', 'de', 'uk'];

const en = {
  languageName: 'English',
  skip: 'Skip to content',
  language: 'Language',
  publicPages: 'Public partnership pages',
  partnerships: 'Partnerships',
  noPartnerships: 'No partnership is published yet.',
  partnership: 'Partnership',
  tier: 'Tier',
  standing: 'Standing',
  lastEntry: 'Latest entry',
  status: 'Status',
  agreements: 'Signed agreements',
  noAgreement: 'No signed agreement',
  timeline: 'Timeline',
  noEntries: 'No public entries.',
  aid: 'Aid delivered',
  aidTotal: 'Total',
  noAid: 'No aid delivery is published.',
  chartTitle: 'Aid delivered per receiver',
  receiver: 'Receiver',
  deliveries: 'Deliveries',
  amount: 'Amount',
  map: 'Map',
  mapTitle: 'Partner cities and aid receivers',
  mapDesc: 'Partner cities in blue, aid receivers in red, sized by the value delivered.',
  mapTable: 'The places on the map',
  place: 'Place',
  role: 'Role',
  partner: 'partner city',
  receiverRole: 'aid receiver',
  coordinates: 'Coordinates',
  year: 'Year',
  allYears: 'all years',
  show: 'Show',
  downloads: 'Downloads',
  dossierHtml: 'Dossier (HTML)',
  dossierPdf: 'Dossier (PDF)',
  aidCsv: 'Aid (CSV)',
  feed: 'Atom feed',
  planned: 'Planned',
  corrected: 'corrected',
  published: 'Published by {org}. What is shown here is what the city decided to publish from its record.',
  backToList: 'All partnerships',
  country: 'Country',
};
type Words = typeof en;

const de: Words = {
  languageName: 'Deutsch',
  skip: 'Zum Inhalt springen',
  language: 'Sprache',
  publicPages: 'Öffentliche Partnerschaftsseiten',
  partnerships: 'Partnerschaften',
  noPartnerships: 'Noch keine Partnerschaft ist veröffentlicht.',
  partnership: 'Partnerschaft',
  tier: 'Stufe',
  standing: 'Stand',
  lastEntry: 'Letzter Eintrag',
  status: 'Stand der Partnerschaft',
  agreements: 'Unterzeichnete Vereinbarungen',
  noAgreement: 'Keine unterzeichnete Vereinbarung',
  timeline: 'Chronik',
  noEntries: 'Keine öffentlichen Einträge.',
  aid: 'Geleistete Hilfe',
  aidTotal: 'Summe',
  noAid: 'Keine Hilfslieferung ist veröffentlicht.',
  chartTitle: 'Geleistete Hilfe je Empfänger',
  receiver: 'Empfänger',
  deliveries: 'Lieferungen',
  amount: 'Betrag',
  map: 'Karte',
  mapTitle: 'Partnerstädte und Empfänger der Hilfe',
  mapDesc: 'Partnerstädte blau, Empfänger der Hilfe rot, nach geleistetem Wert bemessen.',
  mapTable: 'Die Orte der Karte',
  place: 'Ort',
  role: 'Rolle',
  partner: 'Partnerstadt',
  receiverRole: 'Empfänger der Hilfe',
  coordinates: 'Koordinaten',
  year: 'Jahr',
  allYears: 'alle Jahre',
  show: 'Anzeigen',
  downloads: 'Downloads',
  dossierHtml: 'Dossier (HTML)',
  dossierPdf: 'Dossier (PDF)',
  aidCsv: 'Hilfe (CSV)',
  feed: 'Atom-Feed',
  planned: 'Geplant',
  corrected: 'berichtigt',
  published: 'Veröffentlicht von {org}. Gezeigt wird, was die Stadt aus ihrem Register zur Veröffentlichung bestimmt hat.',
  backToList: 'Alle Partnerschaften',
  country: 'Land',
};

const uk: Words = {
  languageName: 'Українська',
  skip: 'Перейти до змісту',
  language: 'Мова',
  publicPages: 'Публічні сторінки партнерств',
  partnerships: 'Партнерства',
  noPartnerships: 'Жодне партнерство ще не опубліковано.',
  partnership: 'Партнерство',
  tier: 'Рівень',
  standing: 'Стан',
  lastEntry: 'Останній запис',
  status: 'Стан партнерства',
  agreements: 'Підписані угоди',
  noAgreement: 'Немає підписаної угоди',
  timeline: 'Хронологія',
  noEntries: 'Немає публічних записів.',
  aid: 'Надана допомога',
  aidTotal: 'Разом',
  noAid: 'Жодної поставки допомоги не опубліковано.',
  chartTitle: 'Надана допомога за отримувачами',
  receiver: 'Отримувач',
  deliveries: 'Поставки',
  amount: 'Сума',
  map: 'Мапа',
  mapTitle: 'Міста-партнери та отримувачі допомоги',
  mapDesc: 'Міста-партнери синім, отримувачі допомоги червоним, розмір за вартістю наданого.',
  mapTable: 'Місця на мапі',
  place: 'Місце',
  role: 'Роль',
  partner: 'місто-партнер',
  receiverRole: 'отримувач допомоги',
  coordinates: 'Координати',
  year: 'Рік',
  allYears: 'усі роки',
  show: 'Показати',
  downloads: 'Завантаження',
  dossierHtml: 'Досьє (HTML)',
  dossierPdf: 'Досьє (PDF)',
  aidCsv: 'Допомога (CSV)',
  feed: 'Стрічка Atom',
  planned: 'Заплановано',
  corrected: 'виправлено',
  published: 'Опубліковано: {org}. Тут показано те, що місто вирішило опублікувати зі свого реєстру.',
  backToList: 'Усі партнерства',
  country: 'Країна',
};

const WORDS: Record<DisplayLanguage, Words> = { en, de, uk };

/** The language's words, its code names and formats. */
export function wordsFor(lang: DisplayLanguage) {
  const w = WORDS[lang];
  const locale = lang === 'uk' ? 'uk-UA' : lang === 'de' ? 'de-DE' : 'en-GB';
  return {
    lang,
    w,
    /** a code's name ("AgreementSigned" in "event"), readable when untranslated */
    code: (vocabulary: string, value: string | null | undefined): string => (value ? codeName(lang, vocabulary, value) : '—'),
    date: (d: BusinessDate | null | undefined): string => (d ? formatBusinessDate(d, lang) : '—'),
    /** the recorded spelling in this language, else English, German, Ukrainian, else any */
    name: (n: LocalizedName | null | undefined): string => (n ? (n[lang] ?? n.en ?? n.de ?? n.uk ?? Object.values(n)[0] ?? '—') : '—'),
    money: (amount: string, currency: string): string =>
      new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' }).format(Number(amount)),
  };
}
export type Say = ReturnType<typeof wordsFor>;

/**
 * The page's language: `?lang=` when it is one of ours and the organisation's, else the first of
 * Accept-Language that is, else the organisation's first, else English.
 */
export function chooseLanguage(query: unknown, acceptLanguage: string | undefined, orgLanguages: readonly string[]): DisplayLanguage {
  const offered = orgLanguages.filter((l): l is DisplayLanguage => (LANGUAGES as string[]).includes(l));
  const usable = offered.length ? offered : ['en' as const];
  if (typeof query === 'string' && (usable as string[]).includes(query)) return query as DisplayLanguage;
  const asked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { lang: tag.toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter((a) => a.q > 0)
    .sort((a, b) => b.q - a.q);
  return (asked.find((a) => (usable as string[]).includes(a.lang))?.lang as DisplayLanguage | undefined) ?? usable[0];
}
