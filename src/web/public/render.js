// @ts-check
// DOM helpers. Text from the API only ever goes in through textContent, never innerHTML.

/**
 * Attributes for h()/s(): `on<event>` functions become listeners, `dataset` fills data-*, true is an
 * empty attribute, and undefined, null and false leave the attribute out.
 * @typedef {Record<string, unknown>} Attrs
 */
/**
 * What h()/s() take as children: nodes, text (numbers too), nested arrays; null, undefined, false
 * and '' are skipped.
 * @typedef {Node | string | number | boolean | null | undefined | ChildList} Child
 * @typedef {Child[]} ChildList
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * h('p', { class: 'x' }, 'text', child, [more]) — null/false children are skipped.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/**
 * The same for SVG elements.
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...Child} children
 * @returns {SVGElementTagNameMap[K]}
 */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/**
 * @param {HTMLElement | SVGElement} el
 * @param {Attrs | null | undefined} attrs
 */
function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), /** @type {EventListener} */ (v));
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else {
      const value = /** @type {string | number | true} */ (v);
      el.setAttribute(k, value === true ? '' : String(value));
    }
  }
}

/**
 * @template {Element} E
 * @param {E} el
 * @param {ChildList} children
 * @returns {E}
 */
export function append(el, children) {
  // Flattened as unknown[]: the recursive Child type is too deep for flat()'s own typing.
  for (const c of /** @type {(Node | string | number | boolean | null | undefined)[]} */ (
    /** @type {unknown[]} */ (children).flat(Infinity)
  )) {
    if (c === undefined || c === null || c === false || c === '') continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/**
 * An async function as an event listener. addEventListener ignores what a listener returns, so the
 * promise is left alone on purpose: the handlers report their own errors, and what one rethrows
 * surfaces as an unhandled rejection, as with any listener.
 * @template {Event} E
 * @param {(ev: E) => Promise<void>} handler
 * @returns {(ev: E) => void}
 */
export const asyncListener = (handler) => (ev) => void handler(ev);

/**
 * Removes every child.
 * @template {Element} E
 * @param {E} el
 * @returns {E}
 */
export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** Simple line icons on a 24×24 grid, one per kind of milestone; decorative (the label says it in words). */
/** @type {Record<string, string>} */
const ICONS = {
  start: 'M5 21V4m0 0h11l-2 4 2 4H5',
  person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 9c0-4 3-6 7-6s7 2 7 6',
  aid: 'M3 8l9-5 9 5v8l-9 5-9-5zM3 8l9 5 9-5M12 13v8',
  pledge: 'M12 21s-8-5-8-11a4.5 4.5 0 0 1 8-3 4.5 4.5 0 0 1 8 3c0 6-8 11-8 11z',
  paper: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7',
  meeting: 'M4 20v-2a4 4 0 0 1 4-4h8a4 4 0 0 1 4 4v2M12 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6',
  decision: 'M4 12l5 5L20 6',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  signed: 'M3 20c3-1 4-4 6-4s1 3 3 3 3-3 5-3M14 4l5 5-8 8H6v-5z',
  area: 'M3 12l9-9h8v8l-9 9zM15.5 8.5h.01',
  activity: 'M12 3l2.6 5.6 6 .7-4.5 4.1 1.2 6L12 16.4 6.7 19.4l1.2-6L3.4 9.3l6-.7z',
  pause: 'M8 5v14M16 5v14',
  play: 'M7 4l13 8-13 8z',
  stop: 'M5 5h14v14H5z',
  document: 'M16 8l-6.5 6.5a2 2 0 0 0 2.8 2.8L19 10.6a4 4 0 0 0-5.7-5.7L6.6 11.6a6 6 0 0 0 8.5 8.5L21 14',
  note: 'M4 5h16v11H9l-5 4z',
};

/** @type {Record<string, string>} event type → icon name */
export const EVENT_ICON = {
  PartnershipInitiated: 'start',
  CounterpartDesignated: 'person',
  CounterpartRenamed: 'person',
  AidDelivered: 'aid',
  AidCommitted: 'pledge',
  AidReceiptConfirmed: 'aid',
  DraftResolutionPrepared: 'paper',
  BoardReviewed: 'meeting',
  ReferredToCommittee: 'meeting',
  CommitteeDecided: 'decision',
  CouncilDecided: 'decision',
  AgreementSigningScheduled: 'calendar',
  AgreementSigned: 'signed',
  CooperationAreaAdded: 'area',
  CooperationAreaRemoved: 'area',
  ParticipantJoined: 'person',
  ParticipantLeft: 'person',
  ActivityHeld: 'activity',
  PartnershipSuspended: 'pause',
  PartnershipResumed: 'play',
  PartnershipTerminated: 'stop',
  DocumentAttached: 'document',
  NoteAdded: 'note',
};

/**
 * @param {string} name a key of ICONS; unknown names get the note icon
 * @returns {SVGSVGElement}
 */
export function icon(name) {
  return s(
    'svg',
    { class: `icon icon-${name}`, viewBox: '0 0 24 24', width: 20, height: 20, 'aria-hidden': 'true', focusable: 'false' },
    s('path', {
      d: ICONS[name] ?? ICONS.note,
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': 2,
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
    }),
  );
}

/** @type {(ms: number) => Promise<void>} */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
