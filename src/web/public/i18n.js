// @ts-check
// Labels in English, German and Ukrainian, dates in their precision, names in the script they were
// recorded in, amounts without floating point. The date logic mirrors src/partnerships/domain/dates.ts.

/** @import { BusinessDate, Lang, LocalizedName } from './types.js' */

/** @type {Lang[]} */
export const LANGS = ['en', 'de', 'uk'];
const STORAGE_KEY = 'pl.lang';

const MONTHS = {
  en: {
    standalone: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    inDate: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
  de: {
    standalone: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    inDate: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    short: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sep.', 'Okt.', 'Nov.', 'Dez.'],
  },
  // Nominative for "травень 2022", genitive after a day number ("23 лютого 2023").
  uk: {
    standalone: [
      'січень',
      'лютий',
      'березень',
      'квітень',
      'травень',
      'червень',
      'липень',
      'серпень',
      'вересень',
      'жовтень',
      'листопад',
      'грудень',
    ],
    inDate: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
    short: ['січ.', 'лют.', 'бер.', 'квіт.', 'трав.', 'черв.', 'лип.', 'серп.', 'вер.', 'жовт.', 'лист.', 'груд.'],
  },
};

const L = {
  en: {
    appName: 'Partnership Ledger',
    skip: 'Skip to content',
    language: 'Language',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {name} ({role})',
    signInTitle: 'Sign in',
    signInIntro: 'Enter your API key. It is kept in this browser tab only and forgotten when you close it.',
    apiKey: 'API key',
    signIn: 'Sign in',
    signingIn: 'Checking the key…',
    wrongKey: 'This key was not accepted.',
    loading: 'Loading…',
    networkError: 'The service could not be reached. Check your connection and try again.',
    errorTitle: 'Something went wrong',
    // list
    listTitle: 'Partnerships',
    filters: 'Filters',
    search: 'Search',
    searchHint: 'names, papers, notes',
    tier: 'Tier',
    standing: 'Standing',
    counterpart: 'Counterpart',
    area: 'Cooperation area',
    any: 'any',
    apply: 'Apply',
    reset: 'Reset',
    partnership: 'Partnership',
    lastMilestone: 'Last milestone',
    nextScheduled: 'Next scheduled',
    none: '—',
    noPartnerships: 'No partnership matches these filters.',
    more: 'Show more',
    count: '{n} shown',
    // partnership
    back: 'All partnerships',
    asOf: 'As of',
    asOfHint: 'Show the status and timeline as they were on this date.',
    show: 'Show',
    today: 'Today',
    asOfShowing: 'Showing the partnership as it was on {date}.',
    status: 'Status',
    agreements: 'Signed agreements',
    noAgreement: 'No signed agreement',
    pendingUpgrade: 'Pending upgrade',
    pendingUpgradeText: 'to {tier}, decided {date}',
    currentPaper: 'Current paper',
    areas: 'Cooperation areas',
    aidDelivered: 'Aid delivered',
    coordinatingOffice: 'Coordinating office',
    participants: 'Participants',
    timeline: 'Timeline',
    noEntries: 'Nothing recorded for this date yet.',
    planned: 'Planned',
    done: 'Done',
    fulfilledOn: 'Took place: {date}',
    undated: 'Undated',
    stage: 'Stage',
    corrected: 'Corrected',
    correctedOn: 'Corrected on {date}: {reason}',
    retracted: 'Retracted',
    retractedBecause: 'Retracted: {reason}',
    recordedBy: 'Recorded {date} by {actor}',
    source: 'Source',
    aidChart: 'Aid deliveries per month',
    aidChartBy: 'Deliveries per month by receiver ({currency})',
    aidNone: 'No aid deliveries recorded.',
    aidYearOnly: '{n} delivery known only to the year is not in the chart.',
    aidAsTable: 'Show as a table',
    month: 'Month',
    receiver: 'Receiver',
    amount: 'Amount',
    total: 'Total',
    downloads: 'Downloads',
    dossierPdf: 'Dossier (PDF)',
    dossierHtml: 'Dossier (HTML)',
    aidCsv: 'Aid (CSV)',
    reportQueued: 'Preparing {what}…',
    reportReady: '{what} downloaded.',
    reportFailed: '{what} could not be produced: {reason}',
    reportsMissing: 'Downloads are not available: this server has no reports service yet.',
    reportTimeout: '{what} is taking long; try again in a minute.',
    notFound: 'There is no partnership "{id}".',
    // forms
    record: 'Record a milestone',
    recordIntro: 'Your key may record milestones. The service checks every entry; its messages appear next to the fields.',
    formAid: 'Aid delivery',
    formBoard: 'Board review',
    formCouncil: 'Council decision',
    formSigning: 'Signing',
    occurredOn: 'Date',
    occurredOnHint: 'YYYY, YYYY-MM or YYYY-MM-DD — as precise as it is known',
    receiverName: 'Receiver',
    nameLanguage: 'Language of the name',
    currency: 'Currency',
    modality: 'Modality',
    items: 'Items',
    itemsHint: 'separated by commas',
    sector: 'Sector',
    note: 'Note',
    body: 'Body',
    outcome: 'Outcome',
    plannedMeeting: 'Planned, not yet held',
    paperReference: 'Paper reference',
    resolutionReference: 'Resolution reference',
    proposedTier: 'Tier adopted',
    agreementKind: 'Agreement',
    mode: 'Mode',
    venue: 'Venue',
    plannedSigning: 'Scheduled, not yet signed',
    urgentDecisionReference: 'Urgent decision reference',
    choose: '(choose)',
    submit: 'Record',
    saving: 'Recording…',
    saved: 'Recorded: {what}.',
    fixFields: 'Please correct the marked fields.',
    // roles
    role_office: 'office',
    role_council: 'council',
    role_reporting: 'reporting',
    role_admin: 'admin',
  },
  de: {
    appName: 'Partnerschaftsregister',
    skip: 'Zum Inhalt springen',
    language: 'Sprache',
    signOut: 'Abmelden',
    signedInAs: 'Angemeldet als {name} ({role})',
    signInTitle: 'Anmelden',
    signInIntro: 'Geben Sie Ihren API-Schlüssel ein. Er bleibt nur in diesem Browser-Tab und wird beim Schließen vergessen.',
    apiKey: 'API-Schlüssel',
    signIn: 'Anmelden',
    signingIn: 'Schlüssel wird geprüft…',
    wrongKey: 'Dieser Schlüssel wurde nicht angenommen.',
    loading: 'Wird geladen…',
    networkError: 'Der Dienst ist nicht erreichbar. Bitte Verbindung prüfen und erneut versuchen.',
    errorTitle: 'Etwas ist schiefgelaufen',
    listTitle: 'Partnerschaften',
    filters: 'Filter',
    search: 'Suche',
    searchHint: 'Namen, Vorlagen, Notizen',
    tier: 'Stufe',
    standing: 'Stand',
    counterpart: 'Partnerstadt',
    area: 'Kooperationsfeld',
    any: 'alle',
    apply: 'Anwenden',
    reset: 'Zurücksetzen',
    partnership: 'Partnerschaft',
    lastMilestone: 'Letzter Meilenstein',
    nextScheduled: 'Nächster Termin',
    none: '—',
    noPartnerships: 'Keine Partnerschaft entspricht diesen Filtern.',
    more: 'Mehr anzeigen',
    count: '{n} angezeigt',
    back: 'Alle Partnerschaften',
    asOf: 'Stand vom',
    asOfHint: 'Status und Zeitleiste so zeigen, wie sie an diesem Tag waren.',
    show: 'Anzeigen',
    today: 'Heute',
    asOfShowing: 'Die Partnerschaft, wie sie am {date} war.',
    status: 'Status',
    agreements: 'Unterzeichnete Vereinbarungen',
    noAgreement: 'Keine unterzeichnete Vereinbarung',
    pendingUpgrade: 'Anstehende Aufwertung',
    pendingUpgradeText: 'zu {tier}, beschlossen am {date}',
    currentPaper: 'Aktuelle Vorlage',
    areas: 'Kooperationsfelder',
    aidDelivered: 'Geleistete Hilfe',
    coordinatingOffice: 'Koordinierende Stelle',
    participants: 'Beteiligte',
    timeline: 'Zeitleiste',
    noEntries: 'Für dieses Datum ist noch nichts erfasst.',
    planned: 'Geplant',
    done: 'Erledigt',
    fulfilledOn: 'Stattgefunden: {date}',
    undated: 'Ohne Datum',
    stage: 'Stand',
    corrected: 'Korrigiert',
    correctedOn: 'Korrigiert am {date}: {reason}',
    retracted: 'Zurückgezogen',
    retractedBecause: 'Zurückgezogen: {reason}',
    recordedBy: 'Erfasst am {date} von {actor}',
    source: 'Quelle',
    aidChart: 'Hilfslieferungen pro Monat',
    aidChartBy: 'Lieferungen pro Monat nach Empfänger ({currency})',
    aidNone: 'Keine Hilfslieferungen erfasst.',
    aidYearOnly: '{n} nur dem Jahr nach bekannte Lieferung ist nicht im Diagramm.',
    aidAsTable: 'Als Tabelle zeigen',
    month: 'Monat',
    receiver: 'Empfänger',
    amount: 'Betrag',
    total: 'Summe',
    downloads: 'Downloads',
    dossierPdf: 'Dossier (PDF)',
    dossierHtml: 'Dossier (HTML)',
    aidCsv: 'Hilfe (CSV)',
    reportQueued: '{what} wird erstellt…',
    reportReady: '{what} heruntergeladen.',
    reportFailed: '{what} konnte nicht erstellt werden: {reason}',
    reportsMissing: 'Downloads sind nicht verfügbar: Dieser Server hat noch keinen Berichtsdienst.',
    reportTimeout: '{what} dauert länger; bitte in einer Minute erneut versuchen.',
    notFound: 'Es gibt keine Partnerschaft „{id}“.',
    record: 'Meilenstein erfassen',
    recordIntro: 'Ihr Schlüssel darf Meilensteine erfassen. Der Dienst prüft jede Eingabe; seine Hinweise erscheinen neben den Feldern.',
    formAid: 'Hilfslieferung',
    formBoard: 'Beratung im Vorstand',
    formCouncil: 'Ratsbeschluss',
    formSigning: 'Unterzeichnung',
    occurredOn: 'Datum',
    occurredOnHint: 'JJJJ, JJJJ-MM oder JJJJ-MM-TT — so genau wie bekannt',
    receiverName: 'Empfänger',
    nameLanguage: 'Sprache des Namens',
    currency: 'Währung',
    modality: 'Art',
    items: 'Güter',
    itemsHint: 'durch Kommas getrennt',
    sector: 'Sektor',
    note: 'Notiz',
    body: 'Gremium',
    outcome: 'Ergebnis',
    plannedMeeting: 'Geplant, noch nicht getagt',
    paperReference: 'Vorlagennummer',
    resolutionReference: 'Beschlussnummer',
    proposedTier: 'Beschlossene Stufe',
    agreementKind: 'Vereinbarung',
    mode: 'Form',
    venue: 'Ort',
    plannedSigning: 'Geplant, noch nicht unterzeichnet',
    urgentDecisionReference: 'Dringlichkeitsentscheidung',
    choose: '(auswählen)',
    submit: 'Erfassen',
    saving: 'Wird erfasst…',
    saved: 'Erfasst: {what}.',
    fixFields: 'Bitte die markierten Felder korrigieren.',
    role_office: 'Büro',
    role_council: 'Rat',
    role_reporting: 'Berichte',
    role_admin: 'Administration',
  },
  uk: {
    appName: 'Реєстр партнерств',
    skip: 'Перейти до змісту',
    language: 'Мова',
    signOut: 'Вийти',
    signedInAs: 'Ви увійшли як {name} ({role})',
    signInTitle: 'Вхід',
    signInIntro: 'Введіть свій API-ключ. Він зберігається лише в цій вкладці браузера і забувається після її закриття.',
    apiKey: 'API-ключ',
    signIn: 'Увійти',
    signingIn: 'Перевірка ключа…',
    wrongKey: 'Цей ключ не прийнято.',
    loading: 'Завантаження…',
    networkError: 'Сервіс недоступний. Перевірте з’єднання та спробуйте ще раз.',
    errorTitle: 'Сталася помилка',
    listTitle: 'Партнерства',
    filters: 'Фільтри',
    search: 'Пошук',
    searchHint: 'назви, документи, нотатки',
    tier: 'Рівень',
    standing: 'Стан',
    counterpart: 'Місто-партнер',
    area: 'Сфера співпраці',
    any: 'усі',
    apply: 'Застосувати',
    reset: 'Скинути',
    partnership: 'Партнерство',
    lastMilestone: 'Остання подія',
    nextScheduled: 'Наступна запланована',
    none: '—',
    noPartnerships: 'Жодне партнерство не відповідає цим фільтрам.',
    more: 'Показати більше',
    count: 'Показано: {n}',
    back: 'Усі партнерства',
    asOf: 'Станом на',
    asOfHint: 'Показати статус і хронологію такими, якими вони були на цю дату.',
    show: 'Показати',
    today: 'Сьогодні',
    asOfShowing: 'Партнерство станом на {date}.',
    status: 'Статус',
    agreements: 'Підписані угоди',
    noAgreement: 'Немає підписаної угоди',
    pendingUpgrade: 'Очікуване підвищення',
    pendingUpgradeText: 'до рівня «{tier}», рішення від {date}',
    currentPaper: 'Поточний документ',
    areas: 'Сфери співпраці',
    aidDelivered: 'Надана допомога',
    coordinatingOffice: 'Координаційний відділ',
    participants: 'Учасники',
    timeline: 'Хронологія',
    noEntries: 'На цю дату ще нічого не записано.',
    planned: 'Заплановано',
    done: 'Виконано',
    fulfilledOn: 'Відбулося: {date}',
    undated: 'Без дати',
    stage: 'Етап',
    corrected: 'Виправлено',
    correctedOn: 'Виправлено {date}: {reason}',
    retracted: 'Відкликано',
    retractedBecause: 'Відкликано: {reason}',
    recordedBy: 'Записано {date}, {actor}',
    source: 'Джерело',
    aidChart: 'Допомога за місяцями',
    aidChartBy: 'Поставки за місяцями та отримувачами ({currency})',
    aidNone: 'Поставок допомоги не записано.',
    aidYearOnly: 'Поставок, відомих лише з точністю до року, немає на діаграмі: {n}.',
    aidAsTable: 'Показати таблицею',
    month: 'Місяць',
    receiver: 'Отримувач',
    amount: 'Сума',
    total: 'Разом',
    downloads: 'Завантаження',
    dossierPdf: 'Досьє (PDF)',
    dossierHtml: 'Досьє (HTML)',
    aidCsv: 'Допомога (CSV)',
    reportQueued: 'Готується: {what}…',
    reportReady: 'Завантажено: {what}.',
    reportFailed: 'Не вдалося створити «{what}»: {reason}',
    reportsMissing: 'Завантаження недоступні: на цьому сервері ще немає служби звітів.',
    reportTimeout: '«{what}» готується довго; спробуйте ще раз за хвилину.',
    notFound: 'Партнерства «{id}» не існує.',
    record: 'Записати подію',
    recordIntro: 'Ваш ключ може записувати події. Сервіс перевіряє кожен запис; його повідомлення з’являються біля полів.',
    formAid: 'Поставка допомоги',
    formBoard: 'Розгляд правлінням',
    formCouncil: 'Рішення ради',
    formSigning: 'Підписання',
    occurredOn: 'Дата',
    occurredOnHint: 'РРРР, РРРР-ММ або РРРР-ММ-ДД — наскільки точно відомо',
    receiverName: 'Отримувач',
    nameLanguage: 'Мова назви',
    currency: 'Валюта',
    modality: 'Форма',
    items: 'Предмети',
    itemsHint: 'через кому',
    sector: 'Сектор',
    note: 'Нотатка',
    body: 'Орган',
    outcome: 'Результат',
    plannedMeeting: 'Заплановано, ще не відбулося',
    paperReference: 'Номер документа',
    resolutionReference: 'Номер рішення',
    proposedTier: 'Ухвалений рівень',
    agreementKind: 'Угода',
    mode: 'Формат',
    venue: 'Місце',
    plannedSigning: 'Заплановано, ще не підписано',
    urgentDecisionReference: 'Номер термінового рішення',
    choose: '(оберіть)',
    submit: 'Записати',
    saving: 'Записується…',
    saved: 'Записано: {what}.',
    fixFields: 'Виправте позначені поля.',
    role_office: 'офіс',
    role_council: 'рада',
    role_reporting: 'звіти',
    role_admin: 'адміністратор',
  },
};

/** @typedef {keyof typeof L.en} LabelKey */

/** Labels of the stored codes (tiers, outcomes, event types…): the code itself stays what the API gets. */
const CODES = {
  en: {
    tier: {
      initiative: 'Initiative',
      contact: 'Contact',
      solidarity: 'Solidarity partnership',
      friendship: 'Friendship',
      project_partnership: 'Project partnership',
      twinning: 'Twinning',
    },
    standing: { active: 'Active', suspended: 'Suspended', terminated: 'Terminated', dormant: 'Dormant' },
    modality: { cash: 'cash', in_kind: 'in kind', services: 'services' },
    bodyOutcome: { approved: 'approved', amended: 'amended', deferred: 'deferred', rejected: 'rejected' },
    decisionOutcome: {
      recommended: 'recommended',
      adopted: 'adopted',
      adopted_with_amendments: 'adopted with amendments',
      rejected: 'rejected',
      deferred: 'deferred',
      referred_back: 'referred back',
      withdrawn: 'withdrawn',
    },
    mode: { in_person: 'in person', online: 'online', council_session: 'in a council session' },
    agreementKind: {
      letter_of_intent: 'Letter of intent',
      solidarity: 'Solidarity agreement',
      cooperation: 'Cooperation agreement',
      project: 'Project agreement',
      twinning_charter: 'Twinning charter',
    },
    participantType: {
      civil_society: 'civil society',
      academic: 'academic',
      business: 'business',
      healthcare: 'healthcare',
      school: 'school',
      public_body: 'public body',
    },
    stage: {
      drafted: 'drafted',
      board_reviewed: 'reviewed by the board',
      referred: 'referred to committee',
      committee_decided: 'decided in committee',
      council_decided: 'decided by the council',
    },
    side: { own: 'own side', counterpart: 'partner side' },
    event: {
      PartnershipInitiated: 'Partnership initiated',
      CounterpartDesignated: 'Partner city designated',
      CounterpartRenamed: 'Partner city renamed',
      AidDelivered: 'Aid delivered',
      AidCommitted: 'Aid pledged',
      DraftResolutionPrepared: 'Draft resolution prepared',
      BoardReviewed: 'Board review',
      ReferredToCommittee: 'Referred to committee',
      CommitteeDecided: 'Committee decision',
      CouncilDecided: 'Council decision',
      AgreementSigningScheduled: 'Signing scheduled',
      AgreementSigned: 'Agreement signed',
      CooperationAreaAdded: 'Cooperation area added',
      CooperationAreaRemoved: 'Cooperation area removed',
      ParticipantJoined: 'Participant joined',
      ParticipantLeft: 'Participant left',
      ActivityHeld: 'Activity',
      FundingReceived: 'Funding received',
      PartnershipSuspended: 'Partnership suspended',
      PartnershipResumed: 'Partnership resumed',
      PartnershipTerminated: 'Partnership terminated',
      DocumentAttached: 'Document attached',
      NoteAdded: 'Note',
    },
  },
  de: {
    tier: {
      initiative: 'Initiative',
      contact: 'Kontakt',
      solidarity: 'Solidaritätspartnerschaft',
      friendship: 'Freundschaft',
      project_partnership: 'Projektpartnerschaft',
      twinning: 'Städtepartnerschaft',
    },
    standing: { active: 'Aktiv', suspended: 'Ausgesetzt', terminated: 'Beendet', dormant: 'Ruhend' },
    modality: { cash: 'Geld', in_kind: 'Sachleistung', services: 'Dienstleistung' },
    bodyOutcome: { approved: 'zugestimmt', amended: 'geändert', deferred: 'vertagt', rejected: 'abgelehnt' },
    decisionOutcome: {
      recommended: 'empfohlen',
      adopted: 'beschlossen',
      adopted_with_amendments: 'mit Änderungen beschlossen',
      rejected: 'abgelehnt',
      deferred: 'vertagt',
      referred_back: 'zurückverwiesen',
      withdrawn: 'zurückgezogen',
    },
    mode: { in_person: 'vor Ort', online: 'online', council_session: 'in einer Ratssitzung' },
    agreementKind: {
      letter_of_intent: 'Absichtserklärung',
      solidarity: 'Solidaritätsvereinbarung',
      cooperation: 'Kooperationsvereinbarung',
      project: 'Projektvereinbarung',
      twinning_charter: 'Partnerschaftsurkunde',
    },
    participantType: {
      civil_society: 'Zivilgesellschaft',
      academic: 'Wissenschaft',
      business: 'Wirtschaft',
      healthcare: 'Gesundheitswesen',
      school: 'Schule',
      public_body: 'öffentliche Stelle',
    },
    stage: {
      drafted: 'Entwurf',
      board_reviewed: 'im Vorstand beraten',
      referred: 'an Ausschuss überwiesen',
      committee_decided: 'im Ausschuss beschlossen',
      council_decided: 'vom Rat beschlossen',
    },
    side: { own: 'eigene Seite', counterpart: 'Partnerseite' },
    event: {
      PartnershipInitiated: 'Partnerschaft angestoßen',
      CounterpartDesignated: 'Partnerstadt benannt',
      CounterpartRenamed: 'Partnerstadt umbenannt',
      AidDelivered: 'Hilfslieferung',
      AidCommitted: 'Hilfe zugesagt',
      DraftResolutionPrepared: 'Beschlussvorlage erstellt',
      BoardReviewed: 'Beratung im Vorstand',
      ReferredToCommittee: 'An Ausschuss überwiesen',
      CommitteeDecided: 'Ausschussbeschluss',
      CouncilDecided: 'Ratsbeschluss',
      AgreementSigningScheduled: 'Unterzeichnung geplant',
      AgreementSigned: 'Vereinbarung unterzeichnet',
      CooperationAreaAdded: 'Kooperationsfeld hinzugefügt',
      CooperationAreaRemoved: 'Kooperationsfeld entfernt',
      ParticipantJoined: 'Beteiligte hinzugekommen',
      ParticipantLeft: 'Beteiligte ausgeschieden',
      ActivityHeld: 'Aktivität',
      FundingReceived: 'Fördermittel erhalten',
      PartnershipSuspended: 'Partnerschaft ausgesetzt',
      PartnershipResumed: 'Partnerschaft wieder aufgenommen',
      PartnershipTerminated: 'Partnerschaft beendet',
      DocumentAttached: 'Dokument angehängt',
      NoteAdded: 'Notiz',
    },
  },
  uk: {
    tier: {
      initiative: 'Ініціатива',
      contact: 'Контакт',
      solidarity: 'Партнерство солідарності',
      friendship: 'Дружба',
      project_partnership: 'Проєктне партнерство',
      twinning: 'Побратимство',
    },
    standing: { active: 'Активне', suspended: 'Призупинене', terminated: 'Припинене', dormant: 'Неактивне' },
    modality: { cash: 'кошти', in_kind: 'у натуральній формі', services: 'послуги' },
    bodyOutcome: { approved: 'схвалено', amended: 'змінено', deferred: 'відкладено', rejected: 'відхилено' },
    decisionOutcome: {
      recommended: 'рекомендовано',
      adopted: 'ухвалено',
      adopted_with_amendments: 'ухвалено зі змінами',
      rejected: 'відхилено',
      deferred: 'відкладено',
      referred_back: 'повернуто на доопрацювання',
      withdrawn: 'відкликано',
    },
    mode: { in_person: 'особисто', online: 'онлайн', council_session: 'на засіданні ради' },
    agreementKind: {
      letter_of_intent: 'Лист про наміри',
      solidarity: 'Угода про солідарність',
      cooperation: 'Угода про співпрацю',
      project: 'Проєктна угода',
      twinning_charter: 'Хартія побратимства',
    },
    participantType: {
      civil_society: 'громадянське суспільство',
      academic: 'наука',
      business: 'бізнес',
      healthcare: 'охорона здоров’я',
      school: 'школа',
      public_body: 'державний орган',
    },
    stage: {
      drafted: 'проєкт',
      board_reviewed: 'розглянуто правлінням',
      referred: 'передано до комітету',
      committee_decided: 'рішення комітету',
      council_decided: 'рішення ради',
    },
    side: { own: 'наша сторона', counterpart: 'сторона партнера' },
    event: {
      PartnershipInitiated: 'Початок партнерства',
      CounterpartDesignated: 'Визначено місто-партнера',
      CounterpartRenamed: 'Місто-партнер перейменоване',
      AidDelivered: 'Поставка допомоги',
      AidCommitted: 'Обіцяна допомога',
      DraftResolutionPrepared: 'Підготовлено проєкт рішення',
      BoardReviewed: 'Розгляд правлінням',
      ReferredToCommittee: 'Передано до комітету',
      CommitteeDecided: 'Рішення комітету',
      CouncilDecided: 'Рішення ради',
      AgreementSigningScheduled: 'Заплановано підписання',
      AgreementSigned: 'Угоду підписано',
      CooperationAreaAdded: 'Додано сферу співпраці',
      CooperationAreaRemoved: 'Вилучено сферу співпраці',
      ParticipantJoined: 'Приєднався учасник',
      ParticipantLeft: 'Учасник вийшов',
      ActivityHeld: 'Захід',
      FundingReceived: 'Отримано фінансування',
      PartnershipSuspended: 'Партнерство призупинено',
      PartnershipResumed: 'Партнерство відновлено',
      PartnershipTerminated: 'Партнерство припинено',
      DocumentAttached: 'Додано документ',
      NoteAdded: 'Нотатка',
    },
  },
};

/** @typedef {keyof typeof CODES.en} CodeKind */

export const ENUMS = {
  tier: ['initiative', 'contact', 'solidarity', 'friendship', 'project_partnership', 'twinning'],
  standing: ['active', 'suspended', 'terminated', 'dormant'],
  modality: ['cash', 'in_kind', 'services'],
  bodyOutcome: ['approved', 'amended', 'deferred', 'rejected'],
  decisionOutcome: ['recommended', 'adopted', 'adopted_with_amendments', 'rejected', 'deferred', 'referred_back', 'withdrawn'],
  mode: ['in_person', 'online', 'council_session'],
  agreementKind: ['letter_of_intent', 'solidarity', 'cooperation', 'project', 'twinning_charter'],
};

/**
 * @param {unknown} value
 * @returns {value is Lang}
 */
const isLang = (value) => LANGS.includes(/** @type {Lang} */ (value));

/** @type {Lang} */
let current = 'en';
try {
  const saved = sessionStorage.getItem(STORAGE_KEY);
  if (isLang(saved)) current = saved;
} catch {
  // storage may be unavailable (privacy mode); English it is
}

export const lang = () => current;

/** @param {string} next ignored unless one of LANGS */
export function setLang(next) {
  if (!isLang(next)) return;
  current = next;
  try {
    sessionStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered, still switched
  }
  document.documentElement.lang = next;
}

/**
 * A label, with {placeholders} filled in. Falls back to English, then to the key itself.
 * @param {LabelKey} key
 * @param {Record<string, string | number>} [vars]
 * @returns {string}
 */
export function t(key, vars = {}) {
  const text = L[current][key] ?? L.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (/** @type {string} */ m, /** @type {string} */ name) => (name in vars ? String(vars[name]) : m));
}

/**
 * The label of a stored code (e.g. code('tier', 'solidarity')); unknown codes are shown as they are.
 * @param {CodeKind | 'activityKind'} kind activity kinds are free text: there are no labels, they show as typed
 * @param {unknown} value the code; '' for null, undefined and ''
 * @returns {string}
 */
export function code(kind, value) {
  if (value === undefined || value === null || value === '') return '';
  /** @type {Record<string, Record<string, string> | undefined>} */
  const labels = CODES[current];
  /** @type {Record<string, Record<string, string> | undefined>} */
  const english = CODES.en;
  const primitive = /** @type {string | number} */ (value);
  const key = String(primitive);
  return labels[kind]?.[key] ?? english[kind]?.[key] ?? key.replace(/_/g, ' ');
}

/** @type {(n: number, w: number) => string} */
const pad = (n, w) => String(n).padStart(w, '0');

/** "May 2022" / "Mai 2022" / "травень 2022"; "23 February 2023" / "23. Februar 2023" / "23 лютого 2023"; "2022". */
/**
 * @param {BusinessDate | string | null | undefined} d a string's precision follows from its length
 * @returns {string}
 */
export function formatDate(d) {
  if (!d) return '';
  const bd = typeof d === 'string' ? { date: d, precision: d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day' } : d;
  const [y, m, day] = bd.date.split('-').map(Number);
  const year = pad(y, 4);
  if (bd.precision === 'year' || !m) return year;
  const names = MONTHS[current];
  if (bd.precision === 'month' || !day) return `${names.standalone[m - 1]} ${year}`;
  return `${current === 'de' ? `${day}.` : day} ${names.inDate[m - 1]} ${year}`;
}

/** "May 2022" for the chart's axis, shortened: "May 22". */
/**
 * @param {string} yyyyMm
 * @returns {string}
 */
export function shortMonth(yyyyMm) {
  const [y, m] = yyyyMm.split('-').map(Number);
  return `${MONTHS[current].short[m - 1]} ${String(y).slice(2)}`;
}

/** A record timestamp (ISO) as a calendar day in the reader's language. */
/**
 * @param {string | null | undefined} iso
 * @returns {string}
 */
export function formatTimestamp(iso) {
  if (!iso) return '';
  return formatDate({ date: String(iso).slice(0, 10), precision: 'day' });
}

/** A LocalizedName in the chosen language, else in whichever language (and script) it was recorded. */
/**
 * @param {LocalizedName | string | null | undefined} n
 * @returns {string}
 */
export function nameIn(n) {
  if (!n) return '';
  if (typeof n === 'string') return n;
  return n[current] ?? n.en ?? n.de ?? n.uk ?? '';
}

const SEPARATORS = { en: { group: ',', decimal: '.' }, de: { group: '.', decimal: ',' }, uk: { group: '\u00a0', decimal: ',' } };

/** "125000.00" EUR → "EUR 125,000.00" / "125.000,00 EUR" / "125 000,00 EUR", from the decimal string (no float). */
/**
 * @param {string | null | undefined} amount
 * @param {string | null | undefined} [currency]
 * @returns {string}
 */
export function formatMoney(amount, currency) {
  if (amount === null || amount === undefined) return currency ?? '';
  const [int, frac = ''] = String(amount).split('.');
  const s = SEPARATORS[current];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, s.group);
  const number = `${grouped}${s.decimal}${frac.padEnd(2, '0')}`;
  if (!currency) return number;
  return current === 'en' ? `${currency} ${number}` : `${number} ${currency}`;
}

/** Decimal string → integer cents (BigInt), so totals stay exact. */
/**
 * @param {string} amount
 * @returns {bigint}
 */
export function toCents(amount) {
  const [int, frac = ''] = String(amount).split('.');
  return BigInt(int) * 100n + BigInt((frac + '00').slice(0, 2));
}

/**
 * @param {bigint} cents
 * @returns {string} "1234.50"
 */
export function centsToAmount(cents) {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  return `${neg ? '-' : ''}${abs / 100n}.${pad(Number(abs % 100n), 2)}`;
}
