// The mails, in the recipient's language (en, de, uk), each as plain text and HTML. Texts are kept
// here rather than in files so the type checker sees every language has every sentence.
import { codeName } from '../web/page-codes.js';
import type { MailLanguage } from './subscriptions.js';

interface EntryLine {
  partnershipId: string;
  eventType: string;
  occurredAt: Date | null;
  link: string;
}

export type MailContent =
  | { kind: 'entries'; entries: EntryLine[] }
  | { kind: 'reminder'; partnershipId: string; title: string; dueDate: string; reminder: 'due-soon' | 'overdue'; link: string }
  | { kind: 'endpoint_disabled'; url: string; failingSince: string; reason: string };

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Words {
  locale: string;
  newEntry: (p: string) => string;
  newEntries: (n: number) => string;
  intro: string;
  on: string;
  correction: string;
  retraction: string;
  open: string;
  dueSoon: (title: string, date: string) => string;
  overdue: (title: string, date: string) => string;
  reminderBody: (p: string) => string;
  disabledSubject: string;
  disabledBody: (url: string, since: string, reason: string) => string;
  footer: string;
  unsubscribe: string;
  settings: string;
}

const WORDS: Record<MailLanguage, Words> = {
  en: {
    locale: 'en-GB',
    newEntry: (p) => `New entry: ${p}`,
    newEntries: (n) => `${n} new entries in the partnership ledger`,
    intro: 'The following was recorded in the partnerships you follow:',
    on: 'dated',
    correction: 'Correction',
    retraction: 'Retraction',
    open: 'Open',
    dueSoon: (t, d) => `Due on ${d}: ${t}`,
    overdue: (t, d) => `Overdue since ${d}: ${t}`,
    reminderBody: (p) => `An obligation of the partnership ${p} needs attention.`,
    disabledSubject: 'A webhook endpoint was disabled',
    disabledBody: (u, s, r) =>
      `The webhook endpoint ${u} failed every delivery since ${s} and was disabled (${r}). Enable it again by creating it anew once it answers.`,
    footer: 'You receive this because you subscribed in the partnership ledger.',
    unsubscribe: 'Unsubscribe from all mail',
    settings: 'Change your subscriptions',
  },
  de: {
    locale: 'de-DE',
    newEntry: (p) => `Neuer Eintrag: ${p}`,
    newEntries: (n) => `${n} neue Einträge im Partnerschaftsregister`,
    intro: 'In den Partnerschaften, denen Sie folgen, wurde Folgendes eingetragen:',
    on: 'vom',
    correction: 'Korrektur',
    retraction: 'Widerruf',
    open: 'Öffnen',
    dueSoon: (t, d) => `Fällig am ${d}: ${t}`,
    overdue: (t, d) => `Überfällig seit ${d}: ${t}`,
    reminderBody: (p) => `Eine Verpflichtung der Partnerschaft ${p} braucht Aufmerksamkeit.`,
    disabledSubject: 'Ein Webhook-Empfänger wurde abgeschaltet',
    disabledBody: (u, s, r) =>
      `Der Webhook-Empfänger ${u} hat seit ${s} jede Zustellung abgelehnt und wurde abgeschaltet (${r}). Legen Sie ihn neu an, sobald er wieder antwortet.`,
    footer: 'Sie erhalten diese Nachricht, weil Sie im Partnerschaftsregister Benachrichtigungen abonniert haben.',
    unsubscribe: 'Alle Benachrichtigungen abbestellen',
    settings: 'Abonnements ändern',
  },
  uk: {
    locale: 'uk-UA',
    newEntry: (p) => `Новий запис: ${p}`,
    newEntries: (n) => `Нових записів у реєстрі партнерств: ${n}`,
    intro: 'У партнерствах, за якими ви стежите, записано таке:',
    on: 'від',
    correction: 'Виправлення',
    retraction: 'Відкликання',
    open: 'Відкрити',
    dueSoon: (t, d) => `Термін ${d}: ${t}`,
    overdue: (t, d) => `Прострочено з ${d}: ${t}`,
    reminderBody: (p) => `Зобов’язання партнерства ${p} потребує уваги.`,
    disabledSubject: 'Отримувача вебхуків вимкнено',
    disabledBody: (u, s, r) =>
      `Отримувач вебхуків ${u} з ${s} не прийняв жодної доставки і був вимкнений (${r}). Створіть його знову, коли він відповідатиме.`,
    footer: 'Ви отримали цей лист, бо підписалися на сповіщення в реєстрі партнерств.',
    unsubscribe: 'Відписатися від усіх листів',
    settings: 'Змінити підписки',
  },
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function label(w: Words, lang: MailLanguage, type: string): string {
  if (type === 'EntryCorrected') return w.correction;
  if (type === 'EntryRetracted') return w.retraction;
  return codeName(lang, 'event', type);
}

const day = (w: Words, d: Date | null) => (d ? new Intl.DateTimeFormat(w.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d) : '');

function body(w: Words, lang: MailLanguage, c: MailContent): { subject: string; lines: { text: string; link?: string }[] } {
  if (c.kind === 'entries') {
    const subject =
      c.entries.length === 1
        ? w.newEntry(`${label(w, lang, c.entries[0].eventType)} – ${c.entries[0].partnershipId}`)
        : w.newEntries(c.entries.length);
    return {
      subject,
      lines: [
        { text: w.intro },
        ...c.entries.map((e) => ({
          text: `${e.partnershipId}: ${label(w, lang, e.eventType)}${e.occurredAt ? ` (${w.on} ${day(w, e.occurredAt)})` : ''}`,
          link: e.link,
        })),
      ],
    };
  }
  if (c.kind === 'reminder') {
    const date = day(w, new Date(`${c.dueDate}T00:00:00Z`));
    const subject = c.reminder === 'overdue' ? w.overdue(c.title, date) : w.dueSoon(c.title, date);
    return { subject, lines: [{ text: w.reminderBody(c.partnershipId) }, { text: subject, link: c.link }] };
  }
  return { subject: w.disabledSubject, lines: [{ text: w.disabledBody(c.url, c.failingSince, c.reason) }] };
}

/** One mail; `unsubscribeUrl` and `settingsUrl` go into the footer (null for notices to admins). */
export function renderMail(
  lang: MailLanguage,
  c: MailContent,
  links: { unsubscribeUrl: string; settingsUrl: string } | null,
): RenderedMail {
  const w = WORDS[lang];
  const { subject, lines } = body(w, lang, c);
  const text = [
    ...lines.map((l) => (l.link ? `- ${l.text}\n  ${l.link}` : l.text)),
    '',
    '--',
    ...(links ? [w.footer, `${w.settings}: ${links.settingsUrl}`, `${w.unsubscribe}: ${links.unsubscribeUrl}`] : []),
  ].join('\n');
  const items = lines
    .map((l) => (l.link ? `<li>${escapeHtml(l.text)} – <a href="${escapeHtml(l.link)}">${escapeHtml(w.open)}</a></li>` : ''))
    .join('');
  const paragraphs = lines
    .filter((l) => !l.link)
    .map((l) => `<p>${escapeHtml(l.text)}</p>`)
    .join('');
  const footer = links
    ? `<hr><p style="font-size:small">${escapeHtml(w.footer)}<br><a href="${escapeHtml(links.settingsUrl)}">${escapeHtml(w.settings)}</a> · <a href="${escapeHtml(links.unsubscribeUrl)}">${escapeHtml(w.unsubscribe)}</a></p>`
    : '';
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${paragraphs}${items ? `<ul>${items}</ul>` : ''}${footer}</body></html>`;
  return { subject, text, html };
}
