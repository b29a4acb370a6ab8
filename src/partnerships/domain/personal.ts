// Personal values of an event, found by the one description: fields marked `personal` (a person's
// name), and free-text fields an office chose to treat as personal. The write path encrypts what this
// finds (src/privacy); nothing else decides what is personal.
import { EVENT_FIELDS, isEventType, type EventType } from './events.js';
import { isObject, type Field, type Fields } from './fields.js';

/** Which free-text fields an office treats as personal: "note" (in every kind) or "NoteAdded.text". */
export type PersonalTexts = ReadonlySet<string>;

export interface PersonalValue {
  /** where it is in the event's data, e.g. ["signatories", 0, "name"] */
  path: (string | number)[];
  value: string;
  /** a person's name (a data subject of its own), or free text about the entry's person */
  kind: 'name' | 'text';
}

/** The free-text fields of each kind an office may mark as personal, as "<EventType>.<field>". */
export const MAY_BE_PERSONAL: readonly string[] = Object.entries(EVENT_FIELDS).flatMap(([type, fields]) =>
  Object.entries(fields as Fields)
    .filter(([, f]) => f.mayBePersonal)
    .map(([name]) => `${type}.${name}`),
);

const marked = (texts: PersonalTexts | undefined, type: string, name: string, f: Field) =>
  !!f.mayBePersonal && !!texts && (texts.has(name) || texts.has(`${type}.${name}`));

function walk(
  type: string,
  fields: Fields,
  data: Record<string, unknown>,
  path: (string | number)[],
  texts: PersonalTexts | undefined,
  out: PersonalValue[],
): void {
  for (const [name, f] of Object.entries(fields)) {
    const v = data[name];
    if (v === undefined || v === null) continue;
    const at = [...path, name];
    if (f.personal || marked(texts, type, name, f)) {
      const kind = f.personal ? 'name' : 'text';
      if (typeof v === 'string') out.push({ path: at, value: v, kind });
      else if (Array.isArray(v)) v.forEach((e, i) => typeof e === 'string' && out.push({ path: [...at, i], value: e, kind }));
      continue;
    }
    if (f.fields && isObject(v)) walk(type, f.fields, v, at, texts, out);
    else if (f.item?.fields && Array.isArray(v))
      v.forEach((e, i) => {
        if (isObject(e)) walk(type, f.item!.fields!, e, [...at, i], texts, out);
      });
  }
}

/**
 * Every personal value in one event's data, in description order. A correction's `changes` and
 * `previous` are read with the description of the entry they correct.
 */
export function personalValues(type: string, data: unknown, texts?: PersonalTexts): PersonalValue[] {
  if (!isEventType(type) || !isObject(data)) return [];
  const out: PersonalValue[] = [];
  if (type === 'EntryCorrected') {
    const target = data.targetType;
    if (isEventType(target))
      for (const part of ['changes', 'previous'])
        if (isObject(data[part])) walk(target, EVENT_FIELDS[target], data[part], [part], texts, out);
    walk(type, EVENT_FIELDS.EntryCorrected, { reason: data.reason }, [], texts, out);
    return out;
  }
  walk(type, EVENT_FIELDS[type as EventType], data, [], texts, out);
  return out;
}

const EVERY_TEXT: PersonalTexts = new Set(MAY_BE_PERSONAL);

/** Whether an event holds a value that is personal, or would be if its office marked every free text so. */
export const mayHoldPersonal = (type: string, data: unknown): boolean => personalValues(type, data, EVERY_TEXT).length > 0;

/** `data` with the value at each path replaced by `replace(value)`; `data` itself is left as it was. */
export function replacePersonal(data: unknown, values: PersonalValue[], replace: (v: PersonalValue) => unknown): unknown {
  if (!values.length) return data;
  // Only the containers on a replaced value's path are copied (the rest is shared): a whole JSON
  // copy per event cost the write path more than its AES-GCM seals.
  const copies = new Set<unknown>();
  const copyOf = (v: unknown): Record<string | number, unknown> => {
    if (copies.has(v)) return v as Record<string | number, unknown>;
    const c = (Array.isArray(v) ? [...(v as unknown[])] : { ...(v as object) }) as Record<string | number, unknown>;
    copies.add(c);
    return c;
  };
  const root = copyOf(data);
  for (const v of values) {
    let at = root;
    for (const key of v.path.slice(0, -1)) at = at[key] = copyOf(at[key]);
    at[v.path[v.path.length - 1]] = replace(v);
  }
  return root;
}
