// GET /api/v1/milestone-kinds: the forms the web page builds on, for any valid key, as documented.
import request from 'supertest';
import { milestoneKinds } from '../../src/partnerships/write/milestone-kinds.js';
import { MILESTONE_ROUTES } from '../../src/partnerships/write/milestone-routes.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, keyFor, post } from './partnerships-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

it('answers every role with the kinds, and nobody without a key', async () => {
  for (const role of ['council', 'reporting', 'office', 'admin'] as const) {
    const res = await request(t.http)
      .get('/api/v1/milestone-kinds')
      .set('Authorization', `Bearer ${await keyFor(t, role)}`);
    expect({ role, status: res.status }).toEqual({ role, status: 200 });
    expect(res.body).toEqual(JSON.parse(JSON.stringify(milestoneKinds(MILESTONE_ROUTES))));
  }
  expect((await request(t.http).get('/api/v1/milestone-kinds')).status).toBe(401);
});

it('is in the document with its named schema, beside one operation per kind', async () => {
  const doc = (await request(t.http).get('/docs-json')).body;
  expect(doc.paths['/api/v1/milestone-kinds'].get.responses['200'].content['application/json'].schema).toEqual({
    $ref: '#/components/schemas/MilestoneKinds',
  });
  for (const route of MILESTONE_ROUTES) {
    const path = route.path === '' ? API : `${API}/{id}/${route.path}`;
    expect(doc.paths[path]?.post?.operationId).toBe(`MilestonesController_${route.operation}`);
  }
});

it('each kind’s example passes its route’s checks (the story’s own rules may still refuse it)', async () => {
  const office = await keyFor(t, 'office');
  const { kinds } = milestoneKinds(MILESTONE_ROUTES);
  const create = kinds.find((k) => k.creates)!;
  const created = await post(t, office, API, { ...create.example, partnershipId: `kinds-${process.pid}` });
  expect(created.status).toBe(201);
  const id = created.body.partnershipId as string;
  let recorded = 0;
  for (const kind of kinds.filter((k) => !k.creates)) {
    const res = await post(t, office, `${API}/${id}/${kind.path}`, kind.example);
    expect({ type: kind.type, code: res.status === 400 ? res.body.errors : null }).toEqual({ type: kind.type, code: null });
    if (res.status === 201) recorded += 1;
  }
  expect(recorded).toBeGreaterThan(15);
});
