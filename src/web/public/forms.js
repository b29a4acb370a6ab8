// @ts-check
// Forms drawn from the API's description of each milestone (GET /api/v1/milestone-kinds): one form per
// kind, so a milestone the API gains appears here with no web code written for it. No validation of
// our own: a form sends what was typed (novalidate) and shows the API's own messages next to the
// fields, so the page and the API never disagree about what is acceptable.
import { ApiError, NetworkError } from './api.js';
import { fieldControl } from './fields.js';
import { t } from './i18n.js';
import { append, asyncListener, clear, h } from './render.js';

/** @import { FieldDescription, FieldError, MilestoneKind } from './types.js' */
/** @import { Control } from './fields.js' */

/** Where fields go in a form: the date and the plan first, the remarks last, the rest as described. */
const FIRST = ['occurredOn', 'planned', 'madeOn'];
const LAST = ['note', 'relatesTo', 'source'];

/**
 * A kind's fields in form order; plannable kinds get Planned and madeOn even if not described.
 * @param {MilestoneKind} kind
 * @returns {FieldDescription[]}
 */
export function formFields(kind) {
  const fields = [...kind.fields];
  if (kind.plannable) {
    if (!fields.some((f) => f.name === 'planned')) fields.push({ name: 'planned', kind: 'bool', required: false, personal: false });
    if (!fields.some((f) => f.name === 'madeOn')) fields.push({ name: 'madeOn', kind: 'date', required: false, personal: false });
  }
  /** @param {FieldDescription} f */
  const rank = (f) => (FIRST.includes(f.name) ? FIRST.indexOf(f.name) - 10 : LAST.includes(f.name) ? 10 + LAST.indexOf(f.name) : 0);
  return fields
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * @typedef {object} FormSpec
 * @property {string} id the form's id, and the prefix of its controls' ids
 * @property {FieldDescription[]} fields
 * @property {Record<string, unknown>} [initial] stored values to start from (a correction)
 * @property {string} submit the button's label
 * @property {string} [prefix] where the fields sit in the body ("changes." in a correction): their errors' paths
 * @property {FieldDescription[]} [extra] fields of the request itself, after the described ones (a correction's reason)
 * @property {string} [dataForm] data-form of the form element
 * @property {(values: Record<string, unknown>, baseline: Record<string, unknown>, extra: Record<string, unknown>) => Promise<string>} send
 *   posts the values; answers the status line to show
 */

/**
 * A form of described fields: on submit it sends the values and shows the API's answer.
 * @param {FormSpec} spec
 * @returns {{ form: HTMLFormElement, status: HTMLElement }}
 */
export function describedForm(spec) {
  const ctx = { formId: spec.id, fresh: !spec.initial };
  const prefix = spec.prefix ?? '';
  /** @type {{ name: string, control: Control }[]} */
  const controls = spec.fields.map((f) => ({ name: f.name, control: fieldControl(f, `${prefix}${f.name}`, spec.initial?.[f.name], ctx) }));
  /** @type {{ name: string, control: Control }[]} */
  const extra = (spec.extra ?? []).map((f) => ({ name: f.name, control: fieldControl(f, f.name, undefined, ctx) }));
  /** @type {(list: { name: string, control: Control }[]) => Record<string, unknown>} */
  const read = (list) => Object.fromEntries(list.map((c) => [c.name, c.control.read()]).filter(([, v]) => v !== undefined));
  const values = () => read(controls);
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const alert = h('div', { class: 'form-error', role: 'alert', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit' }, spec.submit);
  const form = h(
    'form',
    { id: spec.id, class: 'record-form', novalidate: true, 'data-form': spec.dataForm },
    alert,
    h(
      'div',
      { class: 'fields' },
      [...controls, ...extra].map((c) => c.control.el),
    ),
    h('div', { class: 'actions' }, submit, status),
  );
  // What the form held when drawn, in wire form: a correction sends only what differs from it.
  const baseline = values();
  form.addEventListener(
    'submit',
    asyncListener(async (ev) => {
      ev.preventDefault();
      clearErrors(form);
      status.textContent = t('saving');
      submit.disabled = true;
      try {
        status.textContent = await spec.send(values(), baseline, read(extra));
      } catch (err) {
        status.textContent = '';
        if (err instanceof ApiError || err instanceof NetworkError) showProblem(form, err);
        else throw err;
      } finally {
        submit.disabled = false;
      }
    }),
  );
  return { form, status };
}

/**
 * The fields a correction changes: those that differ from the baseline; a field emptied is null (cleared).
 * @param {Record<string, unknown>} now
 * @param {Record<string, unknown>} baseline
 * @returns {Record<string, unknown>}
 */
export function changesFrom(now, baseline) {
  /** @type {Record<string, unknown>} */
  const changes = {};
  for (const name of new Set([...Object.keys(baseline), ...Object.keys(now)])) {
    if (JSON.stringify(now[name]) !== JSON.stringify(baseline[name])) changes[name] = now[name] ?? null;
  }
  return changes;
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
 * Puts each API field error next to its field (the exact path first, then the closest enclosing one:
 * `receiver.sr` at Receiver, `signatories[0].name` at that row's name); the rest in the alert, which
 * also holds the problem's detail.
 * @param {HTMLFormElement} form
 * @param {Error & { fieldErrors?: FieldError[] }} error an ApiError or a NetworkError
 */
function showProblem(form, error) {
  const alert = /** @type {HTMLElement} */ (form.querySelector('.form-error'));
  const fields = [.../** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll('[data-api-field]'))];
  /** @type {FieldError[]} */
  const unplaced = [];
  /** @type {HTMLElement | null} */
  let first = null;
  for (const fe of error.fieldErrors ?? []) {
    const target = closest(fields, fe.field);
    if (!target) {
      unplaced.push(fe);
      continue;
    }
    // A group's own message sits after its parts, so it is found among the group's direct children.
    const msg = /** @type {HTMLElement} */ (target.querySelector(':scope > .field-error'));
    msg.textContent = msg.textContent ? `${msg.textContent} ${fe.reason}` : fe.reason;
    msg.hidden = false;
    const control = /** @type {HTMLElement | null} */ (target.querySelector('input, select, textarea'));
    control?.setAttribute('aria-invalid', 'true');
    first ??= control ?? target;
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
 * The field element for an API path: the exact one, else the one of the longest enclosing path.
 * @param {HTMLElement[]} fields
 * @param {string} path
 */
function closest(fields, path) {
  /** @type {HTMLElement | undefined} */
  let best;
  let bestLength = -1;
  for (const el of fields) {
    const p = el.dataset.apiField ?? '';
    const encloses = p === path || path.startsWith(`${p}.`) || path.startsWith(`${p}[`);
    if (encloses && p.length > bestLength) {
      best = el;
      bestLength = p.length;
    }
  }
  return best;
}
