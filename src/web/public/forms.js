// @ts-check
// Office forms for the common milestones. No validation of our own: the form sends what was typed
// (novalidate) and shows the API's own messages next to the fields, so the page and the API never
// disagree about what is acceptable.
import { ApiError, NetworkError, post } from './api.js';
import { ENUMS, code, lang, t } from './i18n.js';
import { append, asyncListener, clear, h } from './render.js';

/** @import { CommandResult, FieldError } from './types.js' */
/** @import { CodeKind, LabelKey } from './i18n.js' */

/**
 * One control of a form.
 * @typedef {object} FieldDef
 * @property {string} name the control's name, and the key in FormValues
 * @property {LabelKey} label
 * @property {LabelKey} [hint]
 * @property {'select' | 'checkbox' | 'textarea'} [type] a text input when left out
 * @property {string[]} [api] the API fields whose errors are shown next to this control
 * @property {boolean} [required] marked with a star; the API decides
 * @property {string} [placeholder]
 * @property {string} [inputmode]
 * @property {number} [size]
 * @property {() => string} [default] the value it starts with and returns to after a save
 * @property {readonly string[]} [options] select: the values
 * @property {CodeKind} [codes] select: whose labels the options show
 * @property {(value: string) => string | undefined} [optionLabel] select: the labels when they are no codes
 * @property {boolean} [empty] select: starts with a "choose" option (nothing sent)
 */
/** @typedef {Record<string, string | boolean>} FormValues by control name: the text, or checked for a checkbox */
/**
 * One form: where it posts and what.
 * @typedef {object} FormDef
 * @property {LabelKey} title
 * @property {(values: FormValues) => string} path the API path under the partnership
 * @property {FieldDef[]} fields
 * @property {(values: FormValues) => unknown} body the JSON to post
 */

/** @type {(v: string | boolean | undefined) => string | boolean | undefined} */
const trimmed = (v) => (typeof v === 'string' ? v.trim() : v);
/** @type {<T>(v: T) => T | undefined} */
const opt = (v) => (v === '' || v === undefined || v === null ? undefined : v);
/** @type {(v: string | boolean | undefined) => string[] | undefined} */
const list = (v) => {
  const items = String(v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
};
/**
 * Drops undefined members, so left-out optional fields are not sent at all.
 * @type {(o: Record<string, unknown>) => unknown}
 */
const compact = (o) => JSON.parse(JSON.stringify(o));

/** @type {FieldDef} */
const DATE = {
  name: 'occurredOn',
  label: 'occurredOn',
  hint: 'occurredOnHint',
  api: ['occurredOn'],
  placeholder: '2023-02-23',
  inputmode: 'numeric',
};
/** @type {FieldDef} */
const NOTE = { name: 'note', label: 'note', type: 'textarea', api: ['note'] };

/**
 * Each form: the API path under the partnership, its fields (with the API fields whose errors they show) and the body.
 * @type {Record<string, FormDef>}
 */
export const FORMS = {
  aid: {
    title: 'formAid',
    path: () => 'aid-deliveries',
    fields: [
      DATE,
      { name: 'receiverName', label: 'receiverName', api: ['receiver'], required: true },
      {
        name: 'receiverLang',
        label: 'nameLanguage',
        type: 'select',
        options: ['de', 'uk', 'en'],
        optionLabel: (v) => /** @type {Record<string, string>} */ ({ de: 'Deutsch', uk: 'Українська', en: 'English' })[v],
        default: () => lang(),
      },
      { name: 'amount', label: 'amount', api: ['value.amount', 'value'], placeholder: '125000.00', inputmode: 'decimal' },
      { name: 'currency', label: 'currency', api: ['value.currency'], default: () => 'EUR', size: 4 },
      {
        name: 'modality',
        label: 'modality',
        type: 'select',
        options: ENUMS.modality,
        codes: 'modality',
        api: ['modality'],
        default: () => 'in_kind',
      },
      { name: 'items', label: 'items', hint: 'itemsHint', api: ['items'] },
      { name: 'sector', label: 'sector', api: ['sector'] },
      NOTE,
    ],
    body: (v) =>
      compact({
        occurredOn: trimmed(v.occurredOn),
        receiver: opt(trimmed(v.receiverName)) === undefined ? {} : { [/** @type {string} */ (v.receiverLang)]: trimmed(v.receiverName) },
        value:
          opt(trimmed(v.amount)) === undefined && opt(trimmed(v.currency)) === undefined
            ? undefined
            : { amount: trimmed(v.amount), currency: trimmed(v.currency) },
        modality: v.modality,
        items: list(v.items),
        sector: opt(trimmed(v.sector)),
        note: opt(trimmed(v.note)),
      }),
  },
  board: {
    title: 'formBoard',
    path: () => 'board-reviews',
    fields: [
      DATE,
      { name: 'body', label: 'body', api: ['body'], placeholder: 'Verwaltungsvorstand', required: true },
      {
        name: 'outcome',
        label: 'outcome',
        type: 'select',
        options: ENUMS.bodyOutcome,
        codes: 'bodyOutcome',
        api: ['outcome'],
        empty: true,
      },
      { name: 'planned', label: 'plannedMeeting', type: 'checkbox', api: ['planned'] },
      { name: 'paperReference', label: 'paperReference', api: ['paperReference'], placeholder: 'DS 2022-0001' },
      NOTE,
    ],
    body: (v) =>
      compact({
        occurredOn: trimmed(v.occurredOn),
        body: trimmed(v.body),
        outcome: opt(v.outcome),
        planned: v.planned || undefined,
        paperReference: opt(trimmed(v.paperReference)),
        note: opt(trimmed(v.note)),
      }),
  },
  council: {
    title: 'formCouncil',
    path: () => 'council-decisions',
    fields: [
      DATE,
      {
        name: 'outcome',
        label: 'outcome',
        type: 'select',
        options: ENUMS.decisionOutcome,
        codes: 'decisionOutcome',
        api: ['outcome'],
        empty: true,
      },
      { name: 'body', label: 'body', api: ['body'], placeholder: 'City Council' },
      {
        name: 'proposedTier',
        label: 'proposedTier',
        type: 'select',
        options: ENUMS.tier,
        codes: 'tier',
        api: ['proposedTier'],
        empty: true,
      },
      { name: 'paperReference', label: 'paperReference', api: ['paperReference'], placeholder: 'DS 2022-0001' },
      { name: 'resolutionReference', label: 'resolutionReference', api: ['resolutionReference'] },
      { name: 'planned', label: 'plannedMeeting', type: 'checkbox', api: ['planned'] },
      NOTE,
    ],
    body: (v) =>
      compact({
        occurredOn: trimmed(v.occurredOn),
        outcome: opt(v.outcome),
        body: opt(trimmed(v.body)),
        proposedTier: opt(v.proposedTier),
        paperReference: opt(trimmed(v.paperReference)),
        resolutionReference: opt(trimmed(v.resolutionReference)),
        planned: v.planned || undefined,
        note: opt(trimmed(v.note)),
      }),
  },
  signing: {
    title: 'formSigning',
    // A signing still ahead is a schedule; one that took place is the agreement itself.
    path: (v) => (v.scheduled ? 'signing-schedules' : 'agreements'),
    fields: [
      DATE,
      {
        name: 'agreementKind',
        label: 'agreementKind',
        type: 'select',
        options: ENUMS.agreementKind,
        codes: 'agreementKind',
        api: ['agreementKind'],
        empty: true,
      },
      { name: 'mode', label: 'mode', type: 'select', options: ENUMS.mode, codes: 'mode', api: ['mode'], empty: true },
      { name: 'venue', label: 'venue', api: ['venue'] },
      { name: 'scheduled', label: 'plannedSigning', type: 'checkbox' },
      { name: 'urgentDecisionReference', label: 'urgentDecisionReference', api: ['urgentDecisionReference'] },
      NOTE,
    ],
    body: (v) =>
      compact({
        occurredOn: trimmed(v.occurredOn),
        agreementKind: opt(v.agreementKind),
        mode: opt(v.mode),
        venue: opt(trimmed(v.venue)),
        urgentDecisionReference: v.scheduled ? undefined : opt(trimmed(v.urgentDecisionReference)),
        note: opt(trimmed(v.note)),
      }),
  },
};

/**
 * @param {string} formId
 * @param {FieldDef} f
 */
function fieldControl(formId, f) {
  const id = `${formId}-${f.name}`;
  const describedBy = [f.hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  let control;
  if (f.type === 'select') {
    control = h(
      'select',
      { id, name: f.name, 'aria-describedby': describedBy },
      f.empty ? h('option', { value: '' }, t('choose')) : null,
      (f.options ?? []).map((o) =>
        h('option', { value: o }, f.optionLabel ? f.optionLabel(o) : code(/** @type {CodeKind} */ (f.codes), o)),
      ),
    );
    const d = f.default?.();
    if (d) control.value = d;
  } else if (f.type === 'checkbox') {
    control = h('input', { type: 'checkbox', id, name: f.name, 'aria-describedby': describedBy });
  } else if (f.type === 'textarea') {
    control = h('textarea', { id, name: f.name, rows: 2, 'aria-describedby': describedBy });
  } else {
    control = h('input', {
      type: 'text',
      id,
      name: f.name,
      placeholder: f.placeholder,
      inputmode: f.inputmode,
      size: f.size,
      autocomplete: 'off',
      'aria-describedby': describedBy,
    });
    const d = f.default?.();
    if (d) control.value = d;
  }
  const label = h(
    'label',
    { for: id },
    t(f.label),
    f.required || f.name === 'occurredOn' ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
  );
  return h(
    'div',
    { class: `field field-${f.type ?? 'text'}`, 'data-field': f.name, 'data-api-fields': (f.api ?? []).join(' ') },
    f.type === 'checkbox' ? [control, ' ', label] : [label, control],
    f.hint ? h('p', { class: 'hint', id: `${id}-hint` }, t(f.hint)) : null,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
  );
}

/**
 * @param {HTMLFormElement} form
 * @param {FormDef} def
 * @returns {FormValues}
 */
function valuesOf(form, def) {
  /** @type {FormValues} */
  const v = {};
  for (const f of def.fields) {
    const el = /** @type {HTMLInputElement} */ (form.elements.namedItem(f.name));
    v[f.name] = f.type === 'checkbox' ? el.checked : el.value;
  }
  return v;
}

/** @param {HTMLFormElement} form */
function clearErrors(form) {
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll('.field-error'))) {
    el.hidden = true;
    el.textContent = '';
  }
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const alert = /** @type {HTMLElement} */ (form.querySelector('.form-error'));
  alert.hidden = true;
  clear(alert);
}

/**
 * Puts each API field error next to its field (exact field first, then the closest parent); the rest in the alert.
 * @param {HTMLFormElement} form
 * @param {Error & { fieldErrors?: FieldError[] }} error an ApiError or a NetworkError
 */
export function showProblem(form, error) {
  const alert = /** @type {HTMLElement} */ (form.querySelector('.form-error'));
  const fields = [.../** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll('[data-api-fields]'))].map((el) => ({
    el,
    api: (el.dataset.apiFields ?? '').split(' ').filter(Boolean),
  }));
  /** @type {FieldError[]} */
  const unplaced = [];
  /** @type {HTMLElement | null} */
  let first = null;
  for (const fe of error.fieldErrors ?? []) {
    const target =
      fields.find((f) => f.api.includes(fe.field)) ??
      fields.find((f) => f.api.some((a) => fe.field.startsWith(`${a}.`) || fe.field.startsWith(`${a}[`)));
    if (!target) {
      unplaced.push(fe);
      continue;
    }
    const msg = /** @type {HTMLElement} */ (target.el.querySelector('.field-error'));
    msg.textContent = msg.textContent ? `${msg.textContent} ${fe.reason}` : fe.reason;
    msg.hidden = false;
    const control = /** @type {HTMLElement} */ (target.el.querySelector('input, select, textarea'));
    control.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  // append() skips the null; Element.append would have shown it as the text "null".
  append(alert, [
    h('p', {}, error instanceof ApiError ? error.detail : t('networkError')),
    unplaced.length
      ? h(
          'ul',
          {},
          unplaced.map((fe) => h('li', {}, h('code', {}, fe.field), ' ', fe.reason)),
        )
      : null,
  ]);
  alert.hidden = false;
  (first ?? alert).focus?.();
}

/**
 * The forms as a set of disclosure sections. `onRecorded(result)` runs after a successful write
 * (the page reloads the partnership).
 * @param {string} partnershipId
 * @param {(result: CommandResult) => Promise<void>} onRecorded
 * @returns {HTMLElement}
 */
export function recordSection(partnershipId, onRecorded) {
  const section = h(
    'section',
    { class: 'record no-print', 'aria-labelledby': 'record-title' },
    h('h2', { id: 'record-title' }, t('record')),
    h('p', { class: 'muted' }, t('recordIntro')),
  );
  for (const [id, def] of Object.entries(FORMS)) {
    const formId = `form-${id}`;
    const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
    const alert = h('div', { class: 'form-error', role: 'alert', tabindex: '-1', hidden: true });
    const submit = h('button', { type: 'submit' }, t('submit'));
    const form = h(
      'form',
      { id: formId, class: 'record-form', novalidate: true, 'data-form': id },
      alert,
      h(
        'div',
        { class: 'fields' },
        def.fields.map((f) => fieldControl(formId, f)),
      ),
      h('div', { class: 'actions' }, submit, status),
    );
    form.addEventListener(
      'submit',
      asyncListener(async (ev) => {
        ev.preventDefault();
        clearErrors(form);
        status.textContent = t('saving');
        submit.disabled = true;
        const values = valuesOf(form, def);
        try {
          const result = /** @type {CommandResult} */ (
            await post(`/api/v1/partnerships/${encodeURIComponent(partnershipId)}/${def.path(values)}`, def.body(values))
          );
          status.textContent = t('saved', { what: t(def.title) });
          form.reset();
          for (const f of def.fields) {
            const d = f.default?.();
            if (d) /** @type {HTMLInputElement} */ (form.elements.namedItem(f.name)).value = d;
          }
          await onRecorded(result);
        } catch (err) {
          status.textContent = '';
          if (err instanceof ApiError || err instanceof NetworkError) showProblem(form, err);
          else throw err;
        } finally {
          submit.disabled = false;
        }
      }),
    );
    section.append(h('details', { class: 'record-item', 'data-form': id }, h('summary', {}, t(def.title)), form));
  }
  return section;
}
