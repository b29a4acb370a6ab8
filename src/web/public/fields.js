// @ts-check
// One form control per described field (GET /api/v1/milestone-kinds), by the field's kind. No checks of
// our own: each control reads back what was typed, in the API's wire form, and the API judges it.
// Every control's wrapper names its API field path (data-api-field: "value.amount", "signatories[0].name"),
// which is where the API's field errors are shown.
import { code, fieldHelp, fieldLabel, lang, t } from './i18n.js';
import { h } from './render.js';

/** @import { FieldDescription } from './types.js' */
/** @import { Child } from './render.js' */

/**
 * A rendered field: its element, and what it holds now in the API's wire form (undefined when empty).
 * @typedef {object} Control
 * @property {HTMLElement} el
 * @property {() => unknown} read
 */
/**
 * @typedef {object} FieldContext
 * @property {string} formId prefix of the element ids
 * @property {boolean} fresh a new entry (defaults such as EUR apply), not a correction of one
 */

/** The names every milestone can carry get the same placeholder in every form. */
const PLACEHOLDERS = /** @type {Record<string, string>} */ ({ date: '2023-02-23', amount: '125000.00' });
/** Name inputs offered for every name: the page's languages (others appear when a name has them). */
const NAME_LANGS = [
  ['de', 'Deutsch'],
  ['uk', 'Українська'],
  ['en', 'English'],
];

/** @type {FieldDescription[]} money's parts, should a description leave them out */
const MONEY_PARTS = [
  { name: 'amount', kind: 'text', required: true, personal: false },
  { name: 'currency', kind: 'text', required: true, personal: false },
];

/** @type {(formId: string, path: string) => string} */
const idFor = (formId, path) => `${formId}-${path.replace(/[^\w-]+/g, '-').replace(/-+$/, '')}`;

/** @type {(v: unknown) => v is Record<string, unknown>} */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A stored value in the form it is typed in: dates as YYYY(-MM(-DD)), numbers as text.
 * @param {unknown} v
 * @returns {string}
 */
function typed(v) {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return isObject(v) && typeof v.date === 'string' ? v.date : JSON.stringify(v);
}

/** @type {(s: string) => string | undefined} */
const orUndefined = (s) => (s.trim() === '' ? undefined : s.trim());

/**
 * The label (with a star when the API requires the field) and the help/error lines of a field.
 * @param {FieldDescription} f
 * @param {string} id
 */
function labelParts(f, id) {
  const help = f.kind === 'texts' ? (fieldHelp(f.name, f.help) ?? t('listHint')) : fieldHelp(f.name, f.help);
  return {
    text: [f.label ?? fieldLabel(f.name), f.required ? h('span', { class: 'req', title: t('required') }, ' *') : null],
    help: help ? h('p', { class: 'hint', id: `${id}-hint` }, help) : null,
    error: h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
    describedBy: [help ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '),
  };
}

/**
 * One input, select or textarea with its label.
 * @param {FieldDescription} f
 * @param {string} path
 * @param {unknown} initial
 * @param {FieldContext} ctx
 * @returns {Control}
 */
function simple(f, path, initial, ctx) {
  const id = idFor(ctx.formId, path);
  const parts = labelParts(f, id);
  const common = { id, name: path, 'aria-describedby': parts.describedBy };
  /** @type {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} */
  let control;
  /** @type {() => unknown} */
  let read;
  if (f.kind === 'bool') {
    const box = h('input', { type: 'checkbox', ...common, checked: initial === true });
    read = () => (box.checked ? true : undefined);
    return {
      el: h(
        'div',
        { class: 'field kind-bool', 'data-api-field': path },
        box,
        ' ',
        h('label', { for: id }, parts.text),
        parts.help,
        parts.error,
      ),
      read,
    };
  }
  if (f.kind === 'enum') {
    const select = h(
      'select',
      common,
      h('option', { value: '' }, t('choose')),
      (f.options ?? []).map((o) => h('option', { value: o, selected: initial === o }, code(f.codes ?? f.name, o))),
    );
    control = select;
    read = () => select.value || undefined;
  } else if (f.kind === 'longText' || f.kind === 'texts') {
    const area = h('textarea', { ...common, rows: f.kind === 'texts' ? 3 : 2 });
    area.value = Array.isArray(initial) ? initial.join('\n') : typed(initial);
    control = area;
    read =
      f.kind === 'texts'
        ? () => {
            const lines = area.value
              .split('\n')
              .map((x) => x.trim())
              .filter(Boolean);
            return lines.length ? lines : undefined;
          }
        : () => orUndefined(area.value);
  } else {
    const input = h('input', {
      type: 'text',
      ...common,
      autocomplete: 'off',
      placeholder: PLACEHOLDERS[f.kind] ?? PLACEHOLDERS[f.name],
      inputmode: f.kind === 'count' || f.kind === 'date' ? 'numeric' : f.name === 'amount' ? 'decimal' : undefined,
      size: f.kind === 'country' ? 3 : f.name === 'currency' ? 4 : f.kind === 'date' || f.kind === 'count' ? 12 : undefined,
    });
    input.value = typed(initial);
    control = input;
    // A count goes as a number when it is one; anything else as typed, for the API to name the problem.
    read =
      f.kind === 'count'
        ? () => {
            const v = orUndefined(input.value);
            return v !== undefined && /^\d{1,15}$/.test(v) ? Number(v) : v;
          }
        : () => orUndefined(input.value);
  }
  return {
    el: h(
      'div',
      { class: `field kind-${f.kind}`, 'data-api-field': path },
      h('label', { for: id }, parts.text),
      control,
      parts.help,
      parts.error,
    ),
    read,
  };
}

/**
 * A fieldset for a field made of parts (a name per language, money, an object, a list).
 * @param {FieldDescription} f
 * @param {string} path
 * @param {FieldContext} ctx
 * @param {Child} children
 */
function group(f, path, ctx, children) {
  const id = idFor(ctx.formId, path);
  const parts = labelParts(f, id);
  return h(
    'fieldset',
    { class: `field kind-${f.kind}`, 'data-api-field': path, id, 'aria-describedby': parts.describedBy },
    f.label === '' ? null : h('legend', {}, parts.text),
    parts.help,
    children,
    parts.error,
  );
}

/**
 * A name per language: one input per page language, and one per other language the name already has.
 * @param {FieldDescription} f
 * @param {string} path
 * @param {unknown} initial
 * @param {FieldContext} ctx
 * @returns {Control}
 */
function nameControl(f, path, initial, ctx) {
  const given = isObject(initial) ? initial : {};
  const langs = [
    ...NAME_LANGS,
    ...Object.keys(given)
      .filter((l) => !NAME_LANGS.some(([k]) => k === l))
      .map((l) => [l, l]),
  ];
  // The reader's own language first: that is the spelling most often typed.
  langs.sort(([a], [b]) => Number(b === lang()) - Number(a === lang()));
  const inputs = langs.map(([tag, label]) => {
    const sub = `${path}.${tag}`;
    const id = idFor(ctx.formId, sub);
    const input = h('input', { type: 'text', id, name: sub, lang: tag, autocomplete: 'off', 'aria-describedby': `${id}-error` });
    input.value = typed(given[tag]);
    const el = h(
      'div',
      { class: 'field kind-text name-part', 'data-api-field': sub },
      h('label', { for: id, lang: tag }, label),
      input,
      h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
    );
    return { tag, input, el };
  });
  return {
    el: group(
      f,
      path,
      ctx,
      inputs.map((i) => i.el),
    ),
    read: () => {
      const name = Object.fromEntries(inputs.map((i) => [i.tag, orUndefined(i.input.value)]).filter(([, v]) => v !== undefined));
      return Object.keys(name).length ? name : undefined;
    },
  };
}

/**
 * An object of described fields (money, a source, a tally): sent when any part is filled.
 * @param {FieldDescription} f
 * @param {string} path
 * @param {unknown} initial
 * @param {FieldContext} ctx
 * @returns {Control}
 */
function objectControl(f, path, initial, ctx) {
  const given = isObject(initial) ? initial : undefined;
  const described = f.fields ?? (f.kind === 'money' ? MONEY_PARTS : []);
  const parts = described.map((sub) => {
    // Money starts in euros in a new entry; an amount is what makes it given.
    const start = given?.[sub.name] ?? (f.kind === 'money' && sub.name === 'currency' && ctx.fresh ? 'EUR' : undefined);
    return { name: sub.name, control: fieldControl(sub, `${path}.${sub.name}`, start, ctx) };
  });
  return {
    el: group(
      f,
      path,
      ctx,
      h(
        'div',
        { class: 'parts' },
        parts.map((p) => p.control.el),
      ),
    ),
    read: () => {
      const value = Object.fromEntries(parts.map((p) => [p.name, p.control.read()]).filter(([, v]) => v !== undefined));
      if (f.kind === 'money' && value.amount === undefined) return undefined;
      return Object.keys(value).length ? value : undefined;
    },
  };
}

/**
 * A list of entries (signatories): rows added and removed with buttons; empty rows are not sent.
 * @param {FieldDescription} f
 * @param {string} path
 * @param {unknown} initial
 * @param {FieldContext} ctx
 * @returns {Control}
 */
function listControl(f, path, initial, ctx) {
  // A list that does not describe its entry gets one text per row. A row needs no label of its own:
  // the list's legend names it and the numbered list counts it.
  const item = { ...(f.item ?? { name: f.name, kind: 'text', personal: f.personal }), required: false, label: '' };
  /** @type {{ el: HTMLElement, control: Control }[]} */
  const rows = [];
  const list = h('ol', { class: 'list-rows' });
  let made = 0;
  /** @param {unknown} value */
  const add = (value) => {
    // Row ids stay unique; the API path of a row is its place among the rows sent (set in read).
    const control = fieldControl(item, `${path}[${made++}]`, value, ctx);
    const remove = h('button', { type: 'button', class: 'secondary small' }, t('removeItem'));
    const row = { el: h('li', {}, control.el, remove), control };
    remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(row), 1);
      row.el.remove();
    });
    rows.push(row);
    list.append(row.el);
  };
  for (const value of Array.isArray(initial) ? initial : []) add(value);
  const more = h(
    'button',
    { type: 'button', class: 'secondary small', 'aria-label': `${t('addItem')}: ${fieldLabel(f.name)}` },
    t('addItem'),
  );
  more.addEventListener('click', () => add(undefined));
  return {
    el: group(f, path, ctx, [list, more]),
    read: () => {
      const values = [];
      for (const row of rows) {
        const v = row.control.read();
        if (v === undefined) continue;
        const at = `${path}[${values.length}]`;
        retarget(row.control.el, row.control.el.dataset.apiField ?? at, at);
        values.push(v);
      }
      return values.length ? values : undefined;
    },
  };
}

/**
 * Renames a row's API paths (signatories[3] → signatories[1]) so its errors find it.
 * @param {HTMLElement} el
 * @param {string} from
 * @param {string} to
 */
function retarget(el, from, to) {
  for (const node of [el, ...el.querySelectorAll('[data-api-field]')]) {
    const n = /** @type {HTMLElement} */ (node);
    if (n.dataset.apiField?.startsWith(from)) n.dataset.apiField = to + n.dataset.apiField.slice(from.length);
  }
}

/**
 * The control for a described field at an API path, starting from a stored value (or nothing).
 * Kinds this page does not know yet get a text input: a new kind of field still gets a form.
 * @param {FieldDescription} f
 * @param {string} path
 * @param {unknown} initial
 * @param {FieldContext} ctx
 * @returns {Control}
 */
export function fieldControl(f, path, initial, ctx) {
  if (f.kind === 'name') return nameControl(f, path, initial, ctx);
  if (f.kind === 'money' || f.kind === 'object') return objectControl(f, path, initial, ctx);
  if (f.kind === 'list') return listControl(f, path, initial, ctx);
  return simple(f, path, initial, ctx);
}
