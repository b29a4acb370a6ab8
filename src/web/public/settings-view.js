// @ts-check
// #/settings: the signed-in person's mail subscriptions (partnerships, milestone kinds, deadline
// reminders, the digest, the language of the mails). Keys have no mailbox: the API says so.
import { request } from './api.js';
import { errorBox } from './error-box.js';
import { kindName, lang } from './i18n.js';
import { milestoneKinds } from './record.js';
import { h } from './render.js';

/** @import { Subscription } from './types.js' */

const TEXT = {
  en: {
    title: 'Notifications by e-mail',
    allPartnerships: 'All partnerships of the organisation',
    partnerships: 'Partnership ids, separated by commas',
    allKinds: 'Every kind of milestone',
    kinds: 'Only these kinds',
    deadlines: 'Reminders of deadlines (due soon, overdue)',
    digest: 'The weekly digest',
    language: 'Language of the mails',
    save: 'Save',
    saved: 'Saved. You will get mail for what you chose.',
    off: 'Mail is not set up on this service: your choice is kept, but nothing is sent yet.',
    unsubscribed: 'You unsubscribed from all mail. Saving subscribes you again.',
  },
  de: {
    title: 'Benachrichtigungen per E-Mail',
    allPartnerships: 'Alle Partnerschaften der Organisation',
    partnerships: 'Kennungen der Partnerschaften, durch Kommas getrennt',
    allKinds: 'Jede Art von Eintrag',
    kinds: 'Nur diese Arten',
    deadlines: 'Erinnerungen an Fristen (bald fällig, überfällig)',
    digest: 'Die wöchentliche Übersicht',
    language: 'Sprache der Nachrichten',
    save: 'Speichern',
    saved: 'Gespeichert. Sie erhalten Nachrichten zu Ihrer Auswahl.',
    off: 'Für diesen Dienst ist kein E-Mail-Versand eingerichtet: Ihre Auswahl bleibt gespeichert, es wird aber noch nichts gesendet.',
    unsubscribed: 'Sie haben alle Nachrichten abbestellt. Mit Speichern abonnieren Sie wieder.',
  },
  uk: {
    title: 'Сповіщення електронною поштою',
    allPartnerships: 'Усі партнерства організації',
    partnerships: 'Ідентифікатори партнерств через кому',
    allKinds: 'Усі види записів',
    kinds: 'Лише ці види',
    deadlines: 'Нагадування про терміни (незабаром, прострочено)',
    digest: 'Щотижневий огляд',
    language: 'Мова листів',
    save: 'Зберегти',
    saved: 'Збережено. Ви отримуватимете листи згідно з вибором.',
    off: 'Надсилання пошти на цьому сервісі не налаштовано: вибір збережено, але листи ще не надсилаються.',
    unsubscribed: 'Ви відписалися від усіх листів. Збереження підпише вас знову.',
  },
};

/** @param {keyof typeof TEXT.en} key */
const say = (key) => TEXT[lang()][key];

const PATH = '/api/v1/me/subscriptions';

/** @returns {Promise<HTMLElement>} */
export async function settingsView() {
  const current = /** @type {Subscription} */ (await request(PATH));
  const kinds = await milestoneKinds().catch(() => []);
  const status = h(
    'p',
    { role: 'status' },
    current.mailEnabled === false ? say('off') : current.active === false && current.unsubscribedAt ? say('unsubscribed') : '',
  );
  const allPartnerships = h('input', { type: 'checkbox', id: 'sub-all-partnerships', checked: current.partnerships === null });
  const partnerships = h('input', { type: 'text', id: 'sub-partnerships', value: (current.partnerships ?? []).join(', '), size: 60 });
  const allKinds = h('input', { type: 'checkbox', id: 'sub-all-kinds', checked: current.kinds === null });
  const kindBoxes = kinds.map((k) =>
    h('input', {
      type: 'checkbox',
      name: 'kind',
      value: k.type,
      id: `sub-kind-${k.type}`,
      checked: current.kinds?.includes(k.type) ?? false,
    }),
  );
  const deadlines = h('input', { type: 'checkbox', id: 'sub-deadlines', checked: current.deadlines });
  const digest = h('input', { type: 'checkbox', id: 'sub-digest', checked: current.digest });
  const language = h(
    'select',
    { id: 'sub-language' },
    ['en', 'de', 'uk'].map((l) =>
      h('option', { value: l, selected: l === current.language }, { en: 'English', de: 'Deutsch', uk: 'Українська' }[l]),
    ),
  );
  const problems = h('div', {});
  const form = h(
    'form',
    {
      class: 'settings',
      onsubmit: (/** @type {Event} */ ev) => {
        ev.preventDefault();
        void save();
      },
    },
    h('p', {}, allPartnerships, ' ', h('label', { for: 'sub-all-partnerships' }, say('allPartnerships'))),
    h('p', {}, h('label', { for: 'sub-partnerships' }, say('partnerships')), h('br', {}), partnerships),
    h('p', {}, allKinds, ' ', h('label', { for: 'sub-all-kinds' }, say('allKinds'))),
    h(
      'fieldset',
      {},
      h('legend', {}, say('kinds')),
      kindBoxes.map((box) => h('span', { class: 'choice' }, box, ' ', h('label', { for: box.id }, kindName(box.value)), ' ')),
    ),
    h('p', {}, deadlines, ' ', h('label', { for: 'sub-deadlines' }, say('deadlines'))),
    h('p', {}, digest, ' ', h('label', { for: 'sub-digest' }, say('digest'))),
    h('p', {}, h('label', { for: 'sub-language' }, say('language')), ' ', language),
    h('p', {}, h('button', { type: 'submit' }, say('save'))),
  );

  async function save() {
    problems.replaceChildren();
    const body = {
      partnerships: allPartnerships.checked
        ? null
        : partnerships.value
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean),
      kinds: allKinds.checked ? null : kindBoxes.filter((b) => b.checked).map((b) => b.value),
      deadlines: deadlines.checked,
      digest: digest.checked,
      language: /** @type {Subscription['language']} */ (language.value),
    };
    try {
      const saved = /** @type {Subscription} */ (await request(PATH, { method: 'PUT', body }));
      status.textContent = saved.mailEnabled === false ? say('off') : say('saved');
    } catch (err) {
      status.textContent = '';
      problems.replaceChildren(errorBox(err));
    }
  }

  return h('section', { class: 'settings-view' }, h('h1', { tabindex: '-1' }, say('title')), status, form, problems);
}
