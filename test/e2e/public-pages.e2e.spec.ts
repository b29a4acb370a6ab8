// Issue 25: the public pages. After the demo seed (which turns Dortmund's public pages on) plus
// entries carrying marker strings where personal or internal data lives, every public route and
// export is fetched without key or cookie, and no marker may appear in any of them; what the policy
// publishes must. Then caching (ETag, 304), the visibility route, and the places the office chooses.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import request from 'supertest';
import { create } from 'xmlbuilder2';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, keyFor, post } from './partnerships-helpers.js';

const ID = 'dortmund-zhytomyr';
const ORG = 'dortmund';
const PAGE = `/public/${ORG}/${ID}`;
/** Strings that must never reach a public answer: personal fields, internal entries, notes, actors, reasons. */
const SECRET = {
  participant: 'Participant Marker Qx7',
  signatory: 'Signatory Marker Qx8',
  internalNote: 'Internal note marker Qx1',
  markedInternalNote: 'Marked internal note Qx3',
  milestoneNote: 'Milestone note marker Qx2',
  internalReceiver: 'Hidden receiver Qx4',
  hiddenArea: 'Hidden area Qx9',
  correctionReason: 'Correction reason Qx6',
  actor: 'Office Tester Qx5',
};
const PUBLIC_NOTE = 'Public note about the summer camp';

let t: TestApp;
let office: string;

async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join(' ') + '\n';
  }
  await doc.destroy();
  return text;
}

const get = (path: string, headers: Record<string, string> = {}) => {
  let r = request(t.http).get(path);
  for (const [k, v] of Object.entries(headers)) r = r.set(k, v);
  return r.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
};

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.app);
  office = await keyFor(t, 'office', SECRET.actor);
  const ok = async (path: string, body: unknown) => {
    const r = await post(t, office, `${API}/${ID}${path}`, body);
    expect([200, 201]).toContain(r.status);
    return r.body as { events: { eventId: string }[] };
  };
  await ok('/activities', {
    occurredOn: '2024-07',
    title: 'Summer camp in Dortmund',
    participants: [SECRET.participant],
    participantCount: 24,
    note: SECRET.milestoneNote,
  });
  await ok('/notes', { occurredOn: '2024-07', text: SECRET.internalNote });
  await ok('/notes', { occurredOn: '2024-08', text: SECRET.markedInternalNote, visibility: 'internal' });
  await ok('/notes', { occurredOn: '2024-08', text: PUBLIC_NOTE, visibility: 'public' });
  await ok('/aid-deliveries', {
    occurredOn: '2024-03',
    receiver: { en: SECRET.internalReceiver },
    value: { amount: '999.00', currency: 'EUR' },
    modality: 'cash',
    visibility: 'internal',
  });
  const area = await ok('/areas', { occurredOn: '2024-01', area: SECRET.hiddenArea });
  const r = await post(t, office, `${API}/${ID}/entries/${area.events[0].eventId}/visibility`, {
    visibility: 'internal',
    reason: 'Not agreed with the partner yet',
  });
  expect(r.status).toBe(201);
  const timeline = await request(t.http).get(`${API}/${ID}/timeline`).set('Authorization', `Bearer ${office}`);
  const charter = (timeline.body.entries as { eventId: string; type: string; data: any }[]).find(
    (e) => e.type === 'AgreementSigned' && e.data.agreementKind === 'twinning_charter',
  )!;
  const c = await post(t, office, `${API}/${ID}/entries/${charter.eventId}/corrections`, {
    reason: SECRET.correctionReason,
    changes: { signatories: [{ name: SECRET.signatory, role: 'Lord Mayor', side: 'own' }] },
  });
  expect(c.status).toBe(201);
}, 120_000);
afterAll(async () => t?.close());

/** Every public route and export, in every language where the route has one. */
const ROUTES = [
  `/public/${ORG}/`,
  `/public/${ORG}/?lang=de`,
  `/public/${ORG}/?lang=uk`,
  `/public/${ORG}/feed.atom`,
  `/public/${ORG}/feed.atom?lang=uk`,
  `${PAGE}?lang=en`,
  `${PAGE}?lang=de`,
  `${PAGE}?lang=uk`,
  `${PAGE}?year=2024`,
  `${PAGE}?year=2022&lang=de`,
  `${PAGE}/map.svg`,
  `${PAGE}/map.svg?year=2024`,
  `${PAGE}/feed.atom`,
  `${PAGE}/feed.atom?lang=de`,
  `${PAGE}/dossier.html`,
  `${PAGE}/dossier.pdf`,
  `${PAGE}/aid.csv`,
];

it('answers every public route without key or cookie, and none shows personal or internal data', async () => {
  const all: string[] = [];
  for (const path of ROUTES) {
    const res = await get(path);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    const text = path.endsWith('.pdf') ? await pdfText(res.body as Buffer) : (res.body as Buffer).toString('utf8');
    for (const [what, marker] of Object.entries(SECRET))
      expect({ path, what, found: text.includes(marker) }).toEqual({ path, what, found: false });
    all.push(text);
  }
  // What the policy publishes is there: the public note, the receivers, the counted participants' activity.
  expect(all.filter((x) => x.includes(PUBLIC_NOTE)).length).toBeGreaterThan(3);
  expect(all.some((x) => x.includes('Summer camp in Dortmund'))).toBe(true);
});

it('shows the page in English, German and Ukrainian with the signed agreements, the timeline and the aid chart', async () => {
  const en = (await get(`${PAGE}?lang=en`)).body.toString();
  expect(en).toContain('<html lang="en">');
  expect(en).toContain('23 February 2023');
  expect(en).toMatch(/Aid delivered per receiver<\/title>/);
  expect(en).toContain('Vinnytsia');
  const de = (await get(PAGE, { 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.5' })).body.toString();
  expect(de).toContain('<html lang="de">');
  expect(de).toContain('23. Februar 2023');
  expect(de).toContain('Winnyzja');
  expect(de).toContain('Unterzeichnete Vereinbarungen');
  const uk = (await get(`${PAGE}?lang=uk`)).body.toString();
  expect(uk).toContain('<html lang="uk">');
  expect(uk).toContain('23 лютого 2023');
  expect(uk).toContain('Вінниця');
  // Internal by default: the draft resolution (a paper in the making) stays off the page.
  expect(en).not.toContain('expandable to official twinning');
});

it('writes well-formed Atom feeds of the public entries', async () => {
  for (const path of [`${PAGE}/feed.atom`, `/public/${ORG}/feed.atom`]) {
    const res = await get(path);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const feed = create(res.body.toString()).end({ format: 'object' }) as any;
    const entries = [feed.feed.entry].flat();
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.every((e: any) => String(e.id).startsWith('urn:uuid:'))).toBe(true);
  }
});

it('answers 304 to If-None-Match, with public caching headers, and a new ETag after a change', async () => {
  for (const path of [`/public/${ORG}/`, PAGE, `${PAGE}/feed.atom`, `/public/${ORG}/feed.atom`, `${PAGE}/aid.csv`]) {
    const first = await get(path);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    const again = await get(path, { 'If-None-Match': first.headers.etag });
    expect({ path, status: again.status }).toEqual({ path, status: 304 });
  }
  const before = (await get(PAGE)).headers.etag;
  await post(t, office, `${API}/${ID}/areas`, { occurredOn: '2025', area: 'youth exchange' });
  const after = await get(PAGE, { 'If-None-Match': before });
  expect(after.status).toBe(200);
  expect(after.body.toString()).toContain('youth exchange');
});

it('is 404 for an organisation without public pages and for an unknown partnership', async () => {
  await t.db.pool.query(
    `INSERT INTO organisations (id, slug, name) VALUES ('00000000-0000-4000-8000-0000000000aa', 'closed', 'Closed City')`,
  );
  expect((await get('/public/closed/')).status).toBe(404);
  expect((await get(`/public/closed/${ID}`)).status).toBe(404);
  expect((await get(`/public/${ORG}/no-such-partnership`)).status).toBe(404);
  expect((await get(`${PAGE}?year=twenty`)).status).toBe(400);
});

it('refuses a visibility change without a reason or with an unknown value, recording nothing', async () => {
  const timeline = await request(t.http).get(`${API}/${ID}/timeline`).set('Authorization', `Bearer ${office}`);
  const entry = timeline.body.entries[0].eventId as string;
  const bad = await post(t, office, `${API}/${ID}/entries/${entry}/visibility`, { visibility: 'secret' });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['reason', 'visibility']);
});

it('lets the office confirm or override a place, and the map draws it there', async () => {
  const data = await request(t.http).get(`${API}/${ID}/map`).set('Authorization', `Bearer ${office}`);
  expect(data.status).toBe(200);
  const mykolaiv = (data.body.places as any[]).find((p) => p.key === 'mykolaiv');
  expect(mykolaiv.at).toMatchObject({ source: 'gazetteer', lon: 31.9974, lat: 46.96591 });
  // Staff see the internal receiver on their map; the public never does.
  expect((data.body.places as any[]).some((p) => p.key === SECRET.internalReceiver.toLowerCase())).toBe(true);
  const put = await request(t.http).put('/api/v1/places/mykolaiv').set('Authorization', `Bearer ${office}`).send({ lon: 32, lat: 47 });
  expect(put.status).toBe(200);
  const bad = await request(t.http).put('/api/v1/places/mykolaiv').set('Authorization', `Bearer ${office}`).send({ lon: 200 });
  expect(bad.status).toBe(400);
  const page = (await get(`${PAGE}?lang=en`)).body.toString();
  expect(page).toContain('47.0000, 32.0000');
  const svg = await request(t.http).get(`${API}/${ID}/map.svg`).set('Authorization', `Bearer ${office}`);
  expect(svg.status).toBe(200);
  expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
  expect((await request(t.http).get(`${API}/${ID}/map.svg`)).status).toBe(401);
});
