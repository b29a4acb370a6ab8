import { ValidationError } from '../../domain/index.js';
import { matchesOParlFilters, oparlListPage, paginateOParl, parseOParlListQuery, type OParlListQuery } from './oparl.list.js';

const LIST = 'https://partnerships.example.org/oparl/v1.1/body/dortmund/paper';
const objects = Array.from({ length: 5 }, (_, i) => ({
  id: `https://partnerships.example.org/oparl/v1.1/paper/p${i}`,
  created: `2023-01-0${i + 1}T10:00:00.000Z`,
  modified: `2023-02-0${i + 1}T10:00:00.000Z`,
}));

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).errors.map((x) => `${x.field}: ${x.reason}`);
  }
  throw new Error('expected a ValidationError');
}

describe('OParl list query', () => {
  it('defaults to page 1 of 100 and caps elementsPerPage at 1000 instead of refusing', () => {
    expect(parseOParlListQuery({})).toEqual({ filters: {}, page: 1, elementsPerPage: 100 });
    expect(parseOParlListQuery({ page: '3', elementsPerPage: '5000' })).toEqual({ filters: {}, page: 3, elementsPerPage: 1000 });
  });

  it('takes full date-times with an offset, and reads an unencoded "+" that arrived as a space', () => {
    expect(parseOParlListQuery({ modified_since: '2023-01-01T00:00:00 01:00', created_until: '2024-01-01T00:00:00Z' }).filters).toEqual({
      modified_since: '2023-01-01T00:00:00+01:00',
      created_until: '2024-01-01T00:00:00Z',
    });
  });

  it('refuses malformed values naming each field', () => {
    expect(
      fieldsOf(() =>
        parseOParlListQuery({ created_since: '2023-01-01', modified_since: '2023-02-30T00:00:00Z', page: '0', elementsPerPage: 'ten' }),
      ),
    ).toEqual([
      'created_since: expected a date-time with offset, e.g. 2023-01-01T00:00:00+01:00',
      'modified_since: expected a date-time with offset, e.g. 2023-01-01T00:00:00+01:00',
      'page: expected a whole number of at least 1',
      'elementsPerPage: expected a whole number of at least 1',
    ]);
    expect(fieldsOf(() => parseOParlListQuery({ modified_since: '2023-02-01T00:00:00Z', modified_until: '2023-01-01T00:00:00Z' }))).toEqual(
      ['modified_since: is after modified_until'],
    );
  });
});

describe('OParl list pages', () => {
  it('links every page but the last to the next one, keeping the filters', () => {
    const query: OParlListQuery = { filters: { modified_since: '2023-01-01T00:00:00+01:00' }, page: 1, elementsPerPage: 2 };
    const first = paginateOParl(objects, LIST, query);
    expect(first.data.map((o) => o.id.slice(-2))).toEqual(['p0', 'p1']);
    expect(first.pagination).toEqual({ totalElements: 5, elementsPerPage: 2, currentPage: 1, totalPages: 3 });
    const since = 'modified_since=2023-01-01T00%3A00%3A00%2B01%3A00';
    expect(first.links).toEqual({
      first: `${LIST}?${since}&elementsPerPage=2`,
      self: `${LIST}?${since}&elementsPerPage=2`,
      next: `${LIST}?${since}&elementsPerPage=2&page=2`,
      last: `${LIST}?${since}&elementsPerPage=2&page=3`,
    });

    // follow links.next like a client, re-reading each link's query
    const seen: string[] = [];
    let page = first;
    for (;;) {
      seen.push(...page.data.map((o) => o.id));
      if (!page.links.next) break;
      const url = new URL(page.links.next);
      page = paginateOParl(objects, LIST, parseOParlListQuery(Object.fromEntries(url.searchParams)));
    }
    expect(seen).toEqual(objects.map((o) => o.id));
    expect(page.pagination.currentPage).toBe(3);
    expect(page.links.prev).toBe(`${LIST}?${since}&elementsPerPage=2&page=2`);
  });

  it('compares instants, not strings, and includes both bounds', () => {
    const o = { created: '2023-03-01T09:00:00.000Z', modified: '2023-03-01T09:00:00.000Z' };
    expect(matchesOParlFilters(o, { modified_since: '2023-03-01T10:00:00+01:00' })).toBe(true);
    expect(matchesOParlFilters(o, { modified_until: '2023-03-01T10:00:00+01:00' })).toBe(true);
    expect(matchesOParlFilters(o, { modified_since: '2023-03-01T10:00:01+01:00' })).toBe(false);
    expect(matchesOParlFilters({}, { created_since: '2000-01-01T00:00:00Z' })).toBe(false);
    expect(
      paginateOParl(objects, LIST, { filters: { created_since: '2023-01-04T11:00:00+01:00' }, page: 1, elementsPerPage: 100 }).data,
    ).toEqual(objects.slice(3));
  });

  it('answers an empty list with one page and no next link', () => {
    const empty = oparlListPage({ listUrl: LIST, data: [], totalElements: 0, query: { filters: {}, page: 1, elementsPerPage: 100 } });
    expect(empty).toEqual({
      data: [],
      pagination: { totalElements: 0, elementsPerPage: 100, currentPage: 1, totalPages: 1 },
      links: { first: LIST, self: LIST, last: LIST },
    });
  });
});
