// The form description the web page renders (GET /api/v1/milestone-kinds): every milestone kind with
// its route, who may record it, and its fields as form inputs, all read from the description. A new
// milestone appears in the page without web code written for it. The shape is documented in
// docs/api.md; the page builds on it, so it changes only by adding.
import { sidesThatRecord } from '../../organisations/sides.js';
import type { Field, FormKind } from '../domain/index.js';
import { bodyFields, eventOf, type Example, type MilestoneRoute } from './milestone-routes.js';

export interface FormField {
  name: string;
  kind: FormKind;
  required: boolean;
  personal: boolean;
  options?: readonly string[];
  codes?: string;
  maxLength?: number;
  fields?: FormField[];
  item?: FormField;
}

interface MilestoneKind {
  /** the event type it records */
  type: string;
  /** the segment after /api/v1/partnerships/{id}/; '' for the creation of a partnership */
  path: string;
  summary: string;
  roles: string[];
  /** the sides of a shared partnership that record it: the owner ('own') always, the partner for its side's milestones */
  sides: ('own' | 'partner')[];
  /** can be put in the calendar before it happens (`planned`) */
  plannable: boolean;
  /** creates the partnership (POST /api/v1/partnerships) */
  creates: boolean;
  fields: FormField[];
  example: Example;
}

export interface MilestoneKinds {
  kinds: MilestoneKind[];
}

/** One field as a form input. */
function formField(name: string, f: Field): FormField {
  return {
    name,
    kind: f.kind,
    required: f.required,
    personal: f.personal,
    ...(f.options ? { options: [...f.options] } : {}),
    ...(f.codes ? { codes: f.codes } : {}),
    ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
    // money is one input of its own (amount and currency); other objects list their fields
    ...(f.fields && f.kind === 'object' ? { fields: Object.entries(f.fields).map(([n, sub]) => formField(n, sub)) } : {}),
    ...(f.item ? { item: formField(name, f.item) } : {}),
  };
}

/** Every milestone kind of the routes table, in its order. */
export function milestoneKinds(routes: readonly MilestoneRoute[]): MilestoneKinds {
  return {
    kinds: routes.map((route) => {
      const fields = bodyFields(route);
      return {
        type: eventOf(route),
        path: route.path,
        summary: route.summary,
        roles: [...route.roles],
        sides: sidesThatRecord(eventOf(route)),
        plannable: 'planned' in fields,
        creates: route.path === '',
        fields: Object.entries(fields).map(([name, f]) => formField(name, f)),
        example: route.example,
      };
    }),
  };
}
