// OParl 1.1 over HTTP. Acceptance: from GET /oparl/v1.1/, following links only, a client reaches
// the Dortmund–Zhytomyr paper, its consultations in the administrative board (10 January 2023) and
// the council (9 February 2023) and their meetings; every object served validates against the
// official schemas (test/support/oparl-schemas.mjs) and every URL it holds resolves to an object of
// the referenced type.
import request from 'supertest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { seedDemoOrganisations } from '../../src/organisations/demo.js';
import { createOrganisation } from '../../src/organisations/organisations.js';
import { PG_POOL } from '../../src/event-store/event-store.module.js';
import { ProjectionEngine } from '../../src/event-store/projections.js';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { loadOParlValidator, oparlTypeOf } from '../support/oparl-schemas.mjs';
import { createTestApp, type TestApp } from '../support/app.js';
import { caughtUp } from '../support/projections.js';
import { API, initiate, keyFor, newId, post } from './partnerships-helpers.js';

const BASE = 'https://ledger.example.org';
const ROOT = `${BASE}/oparl/v1.1`;
type Json = Record<string, any>;
type Ref = { at: string; url: string; target: string };

let t: TestApp;
let reader: string;
let office: string;
/** Zhytomyr, the demo partnership's partner, and Vinnytsia, with a partnership of its own */
let zhytomyrReader: string;
let vinnytsiaReader: string;
const zhytomyrEntries: string[] = [];
let vinnytsiaPaper: string;

/** Records a paper and the council decision on it for the key's side; answers the two event ids. */
async function paperAndDecision(app: TestApp, key: string, id: string, ref: string, council: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [path, body] of [
    ['draft-resolutions', { occurredOn: '2023-01-12', paperReference: ref, title: `Paper ${ref}` }],
    ['council-decisions', { occurredOn: '2023-01-26', paperReference: ref, body: council, outcome: 'adopted' }],
  ] as const) {
    const r = await post(app, key, `${API}/${id}/${path}`, body);
    if (r.status !== 201) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    ids.push(r.body.events[0].eventId);
  }
  return ids;
}

/** GET of an absolute URL of this service, as a client that knows only the URL would. */
async function fetchUrl(url: string, key: string | null = reader): Promise<Json> {
  expect(url.startsWith(`${ROOT}/`) || url === ROOT).toBe(true);
  let r = request(t.http).get(url.slice(BASE.length) || '/');
  if (key) r = r.set('Authorization', `Bearer ${key}`);
  const res = await r;
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return res.body;
}

const isList = (o: Json) => Array.isArray(o.data) && o.pagination && o.links;

/**
 * Follows every URL of this service found in the objects, and every list to its last page
 * (links.next), validating each object served, embedded ones included. Returns objects by id.
 */
async function crawl(
  start: string,
  key: string | null = reader,
): Promise<{ objects: Map<string, Json>; lists: Map<string, Json[]>; errors: string[]; refs: Ref[] }> {
  const validator = loadOParlValidator({ forbidUnknownProperties: true });
  const objects = new Map<string, Json>();
  const lists = new Map<string, Json[]>();
  const errors: string[] = [];
  const seen = new Set<string>();
  const refs: Ref[] = [];
  const queue = [start];
  const check = (o: Json, at: string) => {
    const type = oparlTypeOf(o);
    if (!type) return void errors.push(`${at}: no OParl type`);
    for (const e of validator.validate(type, o)) errors.push(`${at} (${type}) ${e.instancePath} ${e.message}`);
    objects.set(o.id, o);
  };
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const body = await fetchUrl(url, key);
    if (isList(body)) {
      const listId = url.split('?')[0];
      lists.set(listId, [...(lists.get(listId) ?? []), ...body.data]);
      for (const o of body.data) check(o, url);
      if (body.links.next) queue.push(body.links.next);
    } else {
      check(body, url);
    }
    // every URL the validator met (references of objects, list URLs) is followed
    for (const ref of validator.references.splice(0)) {
      refs.push(ref);
      if (ref.url.startsWith(ROOT)) queue.push(ref.url);
    }
  }
  return { objects, lists, errors, refs };
}

beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_BASE_URL: `${BASE}/`, OPARL_BODY_NAME: 'Stadt Dortmund', OPARL_BODY_AGS: '05913000' } });
  reader = await keyFor(t, 'council');
  office = await keyFor(t, 'office');
  await seedDemo(t.app);
  // Zhytomyr, linked to the demo partnership, records its own council's paper and decision in it;
  // Vinnytsia records one in a partnership of its own. (The read model's fill below maps all three bodies.)
  const pool = t.app.get(PG_POOL) as import('pg').Pool;
  const { partner } = await seedDemoOrganisations(pool, 'dortmund-zhytomyr');
  const vinnytsia = await createOrganisation(pool, { slug: 'vinnytsia', name: 'Vinnytsia City Council' });
  const key = async (role: 'office' | 'council', organisationId: string) =>
    (await createApiKey(pool, { name: `${role} ${organisationId}`, role, organisationId })).key;
  zhytomyrReader = await key('council', partner.id);
  vinnytsiaReader = await key('council', vinnytsia.id);
  zhytomyrEntries.push(
    ...(await paperAndDecision(t, await key('office', partner.id), 'dortmund-zhytomyr', 'ZH 2023-0007', 'Zhytomyr City Council')),
  );
  const vinnytsiaOffice = await key('office', vinnytsia.id);
  const own = await initiate(t, vinnytsiaOffice, newId('vinnytsia'));
  [vinnytsiaPaper] = await paperAndDecision(t, vinnytsiaOffice, own, 'VN 2023-0001', 'Vinnytsia City Council');
  await caughtUp(t.app.get(ProjectionEngine));
});
afterAll(async () => t?.close());

describe('OParl 1.1 of the demo seed', () => {
  it('leads from the entry point, by links only, to the paper, its consultations and their meetings', async () => {
    const system = await fetchUrl(`${ROOT}/`);
    expect(system).toMatchObject({ id: `${ROOT}/system`, type: 'https://schema.oparl.org/1.1/System', body: `${ROOT}/body` });

    const bodies = await fetchUrl(system.body);
    expect(bodies.data).toHaveLength(1);
    const body = await fetchUrl(bodies.data[0].id);
    expect(body).toMatchObject({ name: 'Stadt Dortmund', ags: '05913000' });

    const papers: Json[] = [];
    for (let url: string | undefined = body.paper; url;) {
      const page = await fetchUrl(url);
      papers.push(...page.data);
      url = page.links.next;
    }
    const paper = papers.find((p) => p.reference === 'DS 2022-0001')!;
    expect(paper).toMatchObject({
      name: 'Solidarity partnership with Zhytomyr, expandable to official twinning',
      paperType: 'Beschlussvorlage',
    });

    const visits: { organization: string; meetingStart: string; role: string; authoritative: boolean }[] = [];
    for (const embedded of paper.consultation as Json[]) {
      const c = await fetchUrl(embedded.id);
      expect(c).toEqual(embedded);
      expect(c.paper).toBe(paper.id);
      const org = await fetchUrl(c.organization[0]);
      if (!c.meeting) continue; // the committee referral names no meeting date
      const meeting = await fetchUrl(c.meeting);
      expect(meeting.organization).toEqual([org.id]);
      const item = (meeting.agendaItem as Json[]).find((i) => i.consultation === c.id)!;
      expect(item.id).toBe(c.agendaItem);
      expect(await fetchUrl(item.id)).toEqual(item);
      visits.push({ organization: org.name, meetingStart: meeting.start, role: c.role, authoritative: c.authoritative });
    }
    expect(visits).toEqual([
      { organization: 'Verwaltungsvorstand', meetingStart: '2023-01-10T00:00:00+01:00', role: 'Vorberatung', authoritative: false },
      { organization: 'City Council', meetingStart: '2023-02-09T00:00:00+01:00', role: 'Entscheidung', authoritative: true },
    ]);
  });

  it('serves only objects that validate against the official schemas, and no URL of them dangles', async () => {
    const { objects, lists, errors, refs } = await crawl(`${ROOT}/`);
    expect(errors).toEqual([]);
    // each reference points at an object of the type the schema names (or at a list)
    const wrong = refs.filter((r) => (r.target === 'externalList' ? !lists.has(r.url) : oparlTypeOf(objects.get(r.url)) !== r.target));
    expect(wrong).toEqual([]);
    expect(refs.length).toBeGreaterThan(20);
    const byType = (type: string) => [...objects.values()].filter((o) => oparlTypeOf(o) === type);
    expect(byType('System')).toHaveLength(1);
    expect(byType('Body')).toHaveLength(1);
    expect(
      byType('Paper')
        .map((p) => p.reference)
        .sort(),
    ).toEqual(['DS 2022-0001', 'DS 2025-0001']);
    expect(
      byType('Organization')
        .map((o) => o.name)
        .sort(),
    ).toEqual(['City Council', 'Verwaltungsvorstand', 'council committee']);
    expect(byType('Meeting').length).toBeGreaterThanOrEqual(3);
    // every id is absolute under the configured public base URL, and every object carries record times
    for (const o of objects.values()) {
      expect(o.id.startsWith(`${ROOT}/`)).toBe(true);
      expect(Date.parse(o.created)).not.toBeNaN();
      expect(Date.parse(o.modified)).toBeGreaterThanOrEqual(Date.parse(o.created));
    }
    const body = byType('Body')[0];
    expect(body.mainOrganization).toBe(byType('Organization').find((o) => o.name === 'City Council')!.id);
    // the lists the ledger has nothing for are there, and empty
    for (const list of ['person', 'file', 'locationList', 'legislativeTermList', 'membership']) expect(lists.get(body[list])).toEqual([]);
    expect(lists.get(body.consultation)!.length).toBe(byType('Consultation').length);
  });

  it('pages with links.next, keeps filters in the links, and refuses a malformed filter', async () => {
    const body = await fetchUrl(`${ROOT}/body/municipality`);
    const first = await fetchUrl(`${body.paper}?elementsPerPage=1`);
    expect(first.pagination).toEqual({ totalElements: 2, elementsPerPage: 1, currentPage: 1, totalPages: 2 });
    const second = await fetchUrl(first.links.next);
    expect(second.links.next).toBeUndefined();
    expect(second.data[0].id).not.toBe(first.data[0].id);

    const future = await fetchUrl(`${body.paper}?modified_since=${encodeURIComponent('2999-01-01T00:00:00+01:00')}`);
    expect(future.data).toEqual([]);
    const past = await fetchUrl(`${body.paper}?created_since=2000-01-01T00:00:00Z&elementsPerPage=1`);
    expect(past.links.next).toContain('created_since=2000-01-01T00%3A00%3A00Z');

    const bad = await request(t.http)
      .get('/oparl/v1.1/body/municipality/paper?modified_since=yesterday')
      .set('Authorization', `Bearer ${reader}`);
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'modified_since' }] });

    const missing = await request(t.http).get('/oparl/v1.1/paper/no-such-paper').set('Authorization', `Bearer ${reader}`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('oparl_object_not_found');
  });

  it('needs a key with read access while OPARL_PUBLIC is off', async () => {
    const res = await request(t.http).get('/oparl/v1.1/');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('missing_api_key');
  });

  it('keeps a retracted consultation as a deleted object that modified_since finds', async () => {
    const id = await initiate(t, office, newId('oparl'));
    const ok = (r: request.Response) => {
      if (r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
      return r.body.events[0].eventId as string;
    };
    ok(
      await post(t, office, `${API}/${id}/draft-resolutions`, {
        occurredOn: '2024-03-01',
        paperReference: 'DS 2024-0042',
        title: 'Retraction test',
      }),
    );
    const decision = ok(
      await post(t, office, `${API}/${id}/council-decisions`, {
        occurredOn: '2024-04-11',
        paperReference: 'DS 2024-0042',
        body: 'City Council',
        outcome: 'adopted',
      }),
    );
    await caughtUp(t.app.get(ProjectionEngine));
    const live = await fetchUrl(`${ROOT}/consultation/${decision}`);
    expect(live.deleted).toBeUndefined();
    const before = new Date(Date.now() - 1000).toISOString();

    const retracted = await post(t, office, `${API}/${id}/entries/${decision}/retractions`, { reason: 'Recorded for the wrong paper.' });
    expect(retracted.status).toBe(201);
    await caughtUp(t.app.get(ProjectionEngine));

    const gone = await fetchUrl(`${ROOT}/consultation/${decision}`);
    expect(gone).toMatchObject({ id: live.id, type: live.type, deleted: true, created: live.created });
    expect(Date.parse(gone.modified)).toBeGreaterThan(Date.parse(live.modified));
    const validator = loadOParlValidator({ forbidUnknownProperties: true });
    expect(validator.validate('Consultation', gone)).toEqual([]);

    const changed = await fetchUrl(`${ROOT}/body/municipality/consultation?modified_since=${encodeURIComponent(before)}`);
    expect(changed.data).toContainEqual(gone);
    // its meeting had only this agenda item: the meeting is gone too; the paper still embeds the tombstone
    const meeting = await fetchUrl(live.meeting);
    expect(meeting.deleted).toBe(true);
    const paper = await fetchUrl(live.paper);
    expect(paper.consultation).toContainEqual(gone);
    for (const [type, o] of [
      ['Meeting', meeting],
      ['Paper', paper],
    ] as const)
      expect(validator.validate(type, o)).toEqual([]);
  });

  it('turns an organization a correction renamed twice into a deleted object, not a dangling id', async () => {
    const id = await initiate(t, office, newId('oparl'));
    const r = await post(t, office, `${API}/${id}/board-reviews`, { occurredOn: '2024-05-06', body: 'Board A', outcome: 'approved' });
    expect(r.status).toBe(201);
    const review = r.body.events[0].eventId as string;
    for (const body of ['Board B', 'Board C']) {
      await caughtUp(t.app.get(ProjectionEngine));
      const c = await post(t, office, `${API}/${id}/entries/${review}/corrections`, { reason: 'The name was wrong.', changes: { body } });
      expect(c.status).toBe(201);
    }
    await caughtUp(t.app.get(ProjectionEngine));
    const [a, b, c] = await Promise.all(['board-a', 'board-b', 'board-c'].map((k) => fetchUrl(`${ROOT}/organization/${k}`)));
    expect(a.deleted).toBe(true);
    expect(b.deleted).toBe(true);
    expect(c).toMatchObject({ name: 'Board C', classification: 'Verwaltungsvorstand' });
    const validator = loadOParlValidator({ forbidUnknownProperties: true });
    for (const o of [a, b, c]) expect(validator.validate('Organization', o)).toEqual([]);
  });

  it('fills the read model from a log recorded before it existed, with the next batch', async () => {
    const pool = t.app.get(PG_POOL) as import('pg').Pool;
    // live objects exactly; tombstones by id (their deletion time is the batch's that found them gone)
    const snapshot = async () =>
      (await pool.query(`SELECT id, deleted, object FROM oparl_objects ORDER BY id`)).rows.map((r) => (r.deleted ? r.id : r));
    const before = await snapshot();
    expect(before).toContain('organization/board-b');
    const { rows: v } = await pool.query(`SELECT active_version FROM projections WHERE name = 'partnerships'`);
    await pool.query(`DELETE FROM oparl_objects_v${v[0].active_version}`);
    expect((await fetchUrl(`${ROOT}/body/municipality/paper`)).data).toEqual([]);
    // any event will do: here a note, which the OParl mapping itself ignores
    const note = await post(t, office, `${API}/dortmund-zhytomyr/notes`, { occurredOn: '2025-08', text: 'Autumn planning call' });
    expect(note.status).toBe(201);
    await caughtUp(t.app.get(ProjectionEngine));
    expect(await snapshot()).toEqual(before);
  });

  it("gives each organisation its own Body, with what its side recorded, and keeps the first one's ids", async () => {
    const dortmund = await crawl(`${ROOT}/`);
    const zhytomyr = await crawl(`${ROOT}/`, zhytomyrReader);
    const vinnytsia = await crawl(`${ROOT}/`, vinnytsiaReader);
    for (const c of [dortmund, zhytomyr, vinnytsia]) expect(c.errors).toEqual([]);
    const of = (c: typeof dortmund, type: string) => [...c.objects.values()].filter((o) => oparlTypeOf(o) === type);
    // a key reads its organisation's Body only
    expect(of(dortmund, 'Body').map((b) => b.id)).toEqual([`${ROOT}/body/municipality`]);
    expect(of(zhytomyr, 'Body').map((b) => [b.id, b.name])).toEqual([[`${ROOT}/body/zhytomyr`, 'Житомирська міська рада']]);
    expect(of(vinnytsia, 'Body').map((b) => [b.id, b.name])).toEqual([[`${ROOT}/body/vinnytsia`, 'Vinnytsia City Council']]);
    // the shared partnership: each Body holds the papers and decisions its own side recorded
    expect(of(dortmund, 'Paper').map((p) => p.reference)).not.toContain('ZH 2023-0007');
    expect(of(zhytomyr, 'Paper').map((p) => [p.id, p.reference])).toEqual([
      [`${ROOT}/paper/zhytomyr~${zhytomyrEntries[0]}`, 'ZH 2023-0007'],
    ]);
    expect(of(zhytomyr, 'Organization').map((o) => [o.id, o.name])).toEqual([
      [`${ROOT}/organization/zhytomyr~zhytomyr-city-council`, 'Zhytomyr City Council'],
    ]);
    expect(of(vinnytsia, 'Paper').map((p) => p.reference)).toEqual(['VN 2023-0001']);
    // every object of a crawl belongs to its Body; none of another's is reachable with the key
    for (const [c, prefix] of [
      [zhytomyr, 'zhytomyr~'],
      [vinnytsia, 'vinnytsia~'],
    ] as const)
      for (const o of c.objects.values())
        if (!['System', 'Body'].includes(oparlTypeOf(o)!))
          expect(decodeURIComponent(o.id.slice(ROOT.length)).split('/')[2]).toMatch(prefix);
    for (const o of of(dortmund, 'Paper')) expect(o.id).toMatch(new RegExp(`^${ROOT}/paper/[0-9a-f-]+$`));
    const status = async (url: string, key: string) =>
      (await request(t.http).get(url.slice(BASE.length)).set('Authorization', `Bearer ${key}`)).status;
    expect(await status(`${ROOT}/paper/zhytomyr~${zhytomyrEntries[0]}`, reader)).toBe(404);
    expect(await status(`${ROOT}/paper/vinnytsia~${vinnytsiaPaper}`, zhytomyrReader)).toBe(404);
    expect(await status(of(dortmund, 'Paper')[0].id, zhytomyrReader)).toBe(404);
    expect(await status(`${ROOT}/body/municipality`, vinnytsiaReader)).toBe(404);
    expect(await status(`${ROOT}/body/zhytomyr/paper`, reader)).toBe(404);
  });
});

describe('OParl with OPARL_PUBLIC=true', () => {
  let pub: TestApp;
  beforeAll(async () => {
    pub = await createTestApp({ env: { OPARL_PUBLIC: 'true' } });
  });
  afterAll(async () => pub?.close());

  it('answers without a key, for any origin, under the default base URL', async () => {
    const res = await request(pub.http).get('/oparl/v1.1/');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body.id).toBe('http://localhost:3000/oparl/v1.1/system');
    const list = await request(pub.http).get('/oparl/v1.1/body/municipality/paper');
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
    // the rest of the API still needs a key
    expect((await request(pub.http).get('/api/v1/partnerships')).status).toBe(401);
  });

  it('publishes the first Body and those of organisations that opted in, and nothing of the others', async () => {
    const pool = pub.app.get(PG_POOL) as import('pg').Pool;
    const lviv = await createOrganisation(pool, {
      slug: 'lviv',
      name: 'Lviv City Council',
      settings: { oparlPublic: true, oparlBodyName: 'Lvivska miska rada', oparlBodyShortName: 'Lviv', oparlBodyAgs: '12345678' },
    });
    const kyiv = await createOrganisation(pool, { slug: 'kyiv', name: 'Kyiv City Council' });
    const officeOf = async (organisationId?: string) =>
      (
        await createApiKey(pool, {
          name: `office ${organisationId ?? 'first'}`,
          role: 'office',
          ...(organisationId ? { organisationId } : {}),
        })
      ).key;
    const refs: Record<string, string[]> = {};
    for (const [name, key] of [
      ['first', await officeOf()],
      ['lviv', await officeOf(lviv.id)],
      ['kyiv', await officeOf(kyiv.id)],
    ] as const) {
      const id = await initiate(pub, key, newId(name));
      refs[name] = await paperAndDecision(pub, key, id, `${name.toUpperCase()} 1`, `${name} council`);
    }
    await caughtUp(pub.app.get(ProjectionEngine));

    const PUB = 'http://localhost:3000/oparl/v1.1';
    const get = async (path: string) => request(pub.http).get(path);
    const bodies = (await get('/oparl/v1.1/body')).body.data as Json[];
    expect(bodies.map((b) => [b.id, b.name, b.shortName, b.ags])).toEqual([
      [`${PUB}/body/municipality`, 'Dortmund', undefined, undefined],
      [`${PUB}/body/lviv`, 'Lvivska miska rada', 'Lviv', '12345678'],
    ]);
    const validator = loadOParlValidator({ forbidUnknownProperties: true });
    for (const b of bodies) expect(validator.validate('Body', b)).toEqual([]);
    const papers = async (key: string) => ((await get(`/oparl/v1.1/body/${key}/paper`)).body.data as Json[]).map((p) => p.reference);
    expect(await papers('municipality')).toEqual(['FIRST 1']);
    expect(await papers('lviv')).toEqual(['LVIV 1']);
    for (const p of [...(await get('/oparl/v1.1/body/lviv/paper')).body.data]) expect(validator.validate('Paper', p)).toEqual([]);
    expect((await get(`/oparl/v1.1/paper/lviv~${refs.lviv[0]}`)).status).toBe(200);
    // the organisation that did not opt in: no Body, no list, no object
    expect((await get('/oparl/v1.1/body/kyiv')).status).toBe(404);
    expect((await get('/oparl/v1.1/body/kyiv/paper')).status).toBe(404);
    expect((await get(`/oparl/v1.1/paper/kyiv~${refs.kyiv[0]}`)).status).toBe(404);
    expect((await get(`/oparl/v1.1/consultation/kyiv~${refs.kyiv[1]}`)).status).toBe(404);
    const everything = JSON.stringify([bodies, (await get('/oparl/v1.1/body/municipality/consultation')).body]);
    expect(everything).not.toContain('kyiv');
  });
});
