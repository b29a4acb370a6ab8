// OParl 1.1 external object lists: the query a client may send (created_since, created_until,
// modified_since, modified_until, elementsPerPage, page) and the page envelope
// { data, pagination, links } with links.next on every page but the last.
import { ValidationError, type FieldError } from '../../domain/index.js';

const OPARL_FILTERS = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;
type OParlFilterName = (typeof OPARL_FILTERS)[number];
export type OParlListFilters = Partial<Record<OParlFilterName, string>>;

export interface OParlListQuery {
  filters: OParlListFilters;
  /** 1-based */
  page: number;
  elementsPerPage: number;
}

export interface OParlListPage<T> {
  data: T[];
  pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number };
  links: { first: string; prev?: string; self: string; next?: string; last: string };
}

const DEFAULT_ELEMENTS_PER_PAGE = 100;
/** OParl: a server should serve between 10 and 1000 objects per page. */
const MAX_ELEMENTS_PER_PAGE = 1000;

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Reads a list request's query. The filters must be full date-times with an offset (OParl 1.1);
 * a "+" that arrived unencoded (and so as a space) before the offset is read as "+".
 * Unknown parameters are ignored; malformed ones are refused with the field and the reason.
 */
export function parseOParlListQuery(query: Record<string, unknown>, opts: { defaultElementsPerPage?: number } = {}): OParlListQuery {
  const errors: FieldError[] = [];
  const filters: OParlListFilters = {};
  for (const name of OPARL_FILTERS) {
    const raw = query[name];
    if (raw === undefined) continue;
    const value = typeof raw === 'string' ? raw.trim().replace(/ (\d{2}:\d{2})$/, '+$1') : raw;
    const m = typeof value === 'string' ? DATE_TIME.exec(value) : null;
    if (!m || Number.isNaN(Date.parse(value as string)) || !validClock(m)) {
      errors.push({ field: name, reason: 'expected a date-time with offset, e.g. 2023-01-01T00:00:00+01:00' });
      continue;
    }
    filters[name] = value as string;
  }
  const int = (name: string, min: number): number | undefined => {
    const raw = query[name];
    if (raw === undefined || raw === '') return undefined;
    const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : typeof raw === 'number' ? raw : NaN;
    if (!Number.isInteger(n) || n < min) {
      errors.push({ field: name, reason: `expected a whole number of at least ${min}` });
      return undefined;
    }
    return n;
  };
  const page = int('page', 1) ?? 1;
  // OParl lets the server cap elementsPerPage: a larger request is served with the maximum, not refused
  const perPage = Math.min(int('elementsPerPage', 1) ?? opts.defaultElementsPerPage ?? DEFAULT_ELEMENTS_PER_PAGE, MAX_ELEMENTS_PER_PAGE);
  for (const [since, until] of [
    ['created_since', 'created_until'],
    ['modified_since', 'modified_until'],
  ] as const) {
    if (filters[since] && filters[until] && Date.parse(filters[since]!) > Date.parse(filters[until]!)) {
      errors.push({ field: since, reason: `is after ${until}` });
    }
  }
  if (errors.length) throw new ValidationError(errors);
  return { filters, page, elementsPerPage: perPage };
}

function validClock(m: RegExpExecArray): boolean {
  const [, day, hh, mm, ss] = m;
  const [y, mo, d] = day.split('-').map(Number);
  const inMonth = new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
  return inMonth && Number(hh) < 24 && Number(mm) < 60 && Number(ss) < 61;
}

/** In-memory filtering with the same meaning a SQL query must have: inclusive bounds, instants compared (not strings). */
export function matchesOParlFilters(o: { created?: string | null; modified?: string | null }, f: OParlListFilters): boolean {
  const at = (v: string | null | undefined) => (v ? Date.parse(v) : NaN);
  const check = (value: string | null | undefined, since?: string, until?: string) => {
    if (!since && !until) return true;
    const t = at(value);
    if (Number.isNaN(t)) return false;
    return (!since || t >= Date.parse(since)) && (!until || t <= Date.parse(until));
  };
  return check(o.created, f.created_since, f.created_until) && check(o.modified, f.modified_since, f.modified_until);
}

function withQuery(listUrl: string, params: Record<string, string | number | undefined>): string {
  const url = new URL(listUrl);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.href;
}

/**
 * The envelope of one page. `data` is that page's objects; the links carry the filters and
 * elementsPerPage, so every following page keeps the client's restriction (OParl 1.1 requires it).
 */
export function oparlListPage<T>(input: { listUrl: string; data: T[]; totalElements: number; query: OParlListQuery }): OParlListPage<T> {
  const { page, elementsPerPage, filters } = input.query;
  const totalPages = Math.max(1, Math.ceil(input.totalElements / elementsPerPage));
  const link = (p: number) =>
    withQuery(input.listUrl, {
      ...filters,
      elementsPerPage: elementsPerPage === DEFAULT_ELEMENTS_PER_PAGE ? undefined : elementsPerPage,
      page: p === 1 ? undefined : p,
    });
  return {
    data: input.data,
    pagination: { totalElements: input.totalElements, elementsPerPage, currentPage: page, totalPages },
    links: {
      first: link(1),
      ...(page > 1 ? { prev: link(Math.min(page - 1, totalPages)) } : {}),
      self: link(page),
      ...(page < totalPages ? { next: link(page + 1) } : {}),
      last: link(totalPages),
    },
  };
}

/**
 * A whole list request answered from objects in memory: filter, sort by id (stable, as OParl
 * requires), cut the page. A projection answers the same with SQL; this is the reference.
 */
export function paginateOParl<T extends { id: string; created?: string | null; modified?: string | null }>(
  objects: T[],
  listUrl: string,
  query: OParlListQuery,
): OParlListPage<T> {
  const matching = objects.filter((o) => matchesOParlFilters(o, query.filters)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const start = (query.page - 1) * query.elementsPerPage;
  return oparlListPage({ listUrl, data: matching.slice(start, start + query.elementsPerPage), totalElements: matching.length, query });
}
