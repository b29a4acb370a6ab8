// @ts-check
// What office and admin keys write from the page, all from the API's description of the milestones:
// a form per milestone kind on a partnership's page, the creation of a partnership on the list, and a
// correction or retraction on each timeline entry.
import { get, post } from './api.js';
import { changesFrom, describedForm, formFields } from './forms.js';
import { kindName, t } from './i18n.js';
import { clear, h } from './render.js';

/** @import { CommandResult, MilestoneKind, MilestoneKinds, Role, TimelineEntry } from './types.js' */

const API = '/api/v1';

/** @type {Promise<MilestoneKind[]> | null} */
let kindsPromise = null;

/**
 * The milestone kinds the API records (asked once per page load).
 * @returns {Promise<MilestoneKind[]>}
 */
export function milestoneKinds() {
  kindsPromise ??= /** @type {Promise<MilestoneKinds>} */ (get(`${API}/milestone-kinds`)).then(
    (answer) => answer.kinds,
    (err) => {
      kindsPromise = null; // asked again next time
      throw err;
    },
  );
  return kindsPromise;
}

/**
 * The kinds a role may record.
 * @param {MilestoneKind[]} kinds
 * @param {Role | undefined} role
 */
export const recordable = (kinds, role) => kinds.filter((k) => role !== undefined && k.roles.includes(role));

/** @typedef {(result: CommandResult) => Promise<void>} AfterWrite the page redraws once the read side has the result */

/**
 * "What happened?": a choice of milestone and the chosen kind's form.
 * @param {string} partnershipId
 * @param {MilestoneKind[]} kinds those the key may record
 * @param {AfterWrite} onRecorded
 * @param {{ type: string, status: string }} [start] the form to show at once (after a redraw), with its last status
 * @returns {HTMLElement}
 */
export function recordSection(partnershipId, kinds, onRecorded, start) {
  const choices = kinds.filter((k) => !k.creates).sort((a, b) => kindName(a.type).localeCompare(kindName(b.type)));
  const slot = h('div', { class: 'record-slot' });
  const select = h(
    'select',
    { id: 'record-kind', name: 'kind' },
    h('option', { value: '' }, t('choose')),
    choices.map((k) => h('option', { value: k.type }, kindName(k.type))),
  );
  /** @param {string} type */
  const show = (type) => {
    clear(slot);
    const kind = choices.find((k) => k.type === type);
    if (!kind) return null;
    const { form, status } = describedForm({
      id: `form-${kind.type}`,
      dataForm: kind.type,
      fields: formFields(kind),
      submit: t('submit'),
      send: async (values) => {
        const result = /** @type {CommandResult} */ (
          await post(`${API}/partnerships/${encodeURIComponent(partnershipId)}/${kind.path}`, values)
        );
        const done = t('saved', { what: kindName(kind.type) });
        status.textContent = done;
        await onRecorded(result);
        return done;
      },
    });
    slot.append(h('h3', {}, kindName(kind.type)), form);
    return status;
  };
  select.addEventListener('change', () => void show(select.value));
  if (start && choices.some((k) => k.type === start.type)) {
    select.value = start.type;
    const status = show(start.type);
    if (status) status.textContent = start.status;
  }
  return h(
    'section',
    { class: 'record no-print', 'aria-labelledby': 'record-title' },
    h('h2', { id: 'record-title' }, t('record')),
    h('p', { class: 'muted' }, t('recordIntro')),
    h('div', { class: 'field' }, h('label', { for: 'record-kind' }, t('recordKind')), select),
    slot,
  );
}

/**
 * A new partnership, from the kind that creates one.
 * @param {MilestoneKind} kind
 * @param {AfterWrite} onCreated
 * @returns {HTMLElement}
 */
export function createSection(kind, onCreated) {
  const { form } = describedForm({
    id: `form-${kind.type}`,
    dataForm: kind.type,
    fields: formFields(kind),
    submit: t('create'),
    send: async (values) => {
      const result = /** @type {CommandResult} */ (await post(`${API}/partnerships`, values));
      await onCreated(result);
      return t('created', { what: kindName(kind.type) });
    },
  });
  return h(
    'details',
    { class: 'record-item create no-print', id: 'new-partnership' },
    h('summary', {}, t('newPartnership')),
    h('p', { class: 'muted' }, t('newPartnershipIntro')),
    form,
  );
}

/**
 * Correct and Retract for one timeline entry: each opens its form under the entry.
 * @param {string} partnershipId
 * @param {TimelineEntry} entry
 * @param {MilestoneKind | undefined} kind the entry's kind; without one it can only be retracted
 * @param {AfterWrite} onChanged
 * @param {MilestoneKind} [confirmKind] for a delivery: the receipt confirmation, when the key may record it
 * @param {boolean} [ours] recorded by the acting organisation: only then corrected or retracted
 * @returns {HTMLElement | null}
 */
export function entryActions(partnershipId, entry, kind, onChanged, confirmKind, ours = true) {
  if (entry.retracted || (!ours && !confirmKind)) return null;
  const base = `${API}/partnerships/${encodeURIComponent(partnershipId)}/entries/${encodeURIComponent(entry.eventId)}`;
  const panel = h('div', { class: 'entry-panel' });
  /** @type {HTMLButtonElement[]} */
  const buttons = [];
  /**
   * @param {string} name data-action, the same in every language
   * @param {string} label
   * @param {() => HTMLElement} open
   */
  const action = (name, label, open) => {
    const button = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false', 'data-action': name }, label);
    button.addEventListener('click', () => {
      const opening = button.getAttribute('aria-expanded') !== 'true';
      for (const b of buttons) b.setAttribute('aria-expanded', 'false');
      clear(panel);
      if (!opening) return;
      button.setAttribute('aria-expanded', 'true');
      panel.append(open());
      /** @type {HTMLElement | null} */ (panel.querySelector('input, select, textarea'))?.focus();
    });
    buttons.push(button);
    return button;
  };
  const what = kindName(entry.type);
  /** @param {string} label */
  const reason = (label) => ({ name: 'reason', kind: 'longText', required: true, personal: false, label });
  const correct =
    kind && ours
      ? action('correct', t('correct'), () => {
          const { form } = describedForm({
            id: `correct-${entry.eventId}`,
            dataForm: 'correct',
            // An id that names the partnership identifies rather than describes: it is not corrected.
            fields: formFields(kind).filter((f) => !(kind.creates && f.name === 'partnershipId')),
            initial: entry.data,
            prefix: 'changes.',
            extra: [reason(t('correctionReason'))],
            submit: t('saveCorrection'),
            send: async (values, baseline, extra) => {
              const result = /** @type {CommandResult} */ (
                await post(`${base}/corrections`, { ...extra, changes: changesFrom(values, baseline) })
              );
              await onChanged(result);
              return t('correctionSaved');
            },
          });
          return h('div', { class: 'entry-form' }, h('h5', {}, t('correctTitle', { what })), form);
        })
      : null;
  const retract =
    kind?.creates || !ours
      ? null // the initiation is corrected (or the partnership terminated); the other side's entries stay theirs
      : action('retract', t('retract'), () => {
          const { form } = describedForm({
            id: `retract-${entry.eventId}`,
            dataForm: 'retract',
            fields: [],
            extra: [reason(t('retractionReason'))],
            submit: t('saveRetraction'),
            send: async (_values, _baseline, extra) => {
              const result = /** @type {CommandResult} */ (await post(`${base}/retractions`, extra));
              await onChanged(result);
              return t('retractionSaved');
            },
          });
          return h('div', { class: 'entry-form' }, h('h5', {}, t('retractTitle', { what })), form);
        });
  // A delivery is confirmed from its own entry: the form names the delivery, the receiver fills the rest.
  const confirmReceipt = confirmKind
    ? action('confirm-receipt', t('confirmReceipt'), () => {
        const { form } = describedForm({
          id: `confirm-${entry.eventId}`,
          dataForm: 'confirm-receipt',
          fields: formFields(confirmKind).filter((f) => f.name !== 'deliveryId'),
          submit: t('confirmReceipt'),
          send: async (values) => {
            const path = `${API}/partnerships/${encodeURIComponent(partnershipId)}/${confirmKind.path}`;
            const result = /** @type {CommandResult} */ (await post(path, { ...values, deliveryId: entry.eventId }));
            await onChanged(result);
            return t('saved', { what: kindName(confirmKind.type) });
          },
        });
        return h('div', { class: 'entry-form' }, h('h5', {}, t('confirmReceipt')), form);
      })
    : null;
  return h('div', { class: 'entry-actions no-print' }, h('div', { class: 'actions' }, confirmReceipt, correct, retract), panel);
}
