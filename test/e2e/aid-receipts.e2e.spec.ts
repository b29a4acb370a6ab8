// Confirming the receipt of a delivery over HTTP, and the delivery shown as partly confirmed, then
// confirmed, in every place a reader meets it: the aid ledger (the route the web page charts from),
// the timeline and status, the dossier JSON, the aid CSV and the IATI export (XSD and ruleset).
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { checkIatiRuleset, standardRuleset } from '../support/iati-ruleset.js';
import { validateIatiActivities } from '../support/iati-xsd.mjs';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, countEvents, initiate, keyFor, post } from './partnerships-helpers.js';
import { download, requestReport, waitForReport } from './reporting-helpers.js';

let t: TestApp;
let office: string;
let reader: string;
let reporting: string;
let id: string;
let deliveryId: string;

const get = (path: string, key = reader) => request(t.http).get(path).set('Authorization', `Bearer ${key}`);
const confirm = (body: Record<string, unknown>) => post(t, office, `${API}/${id}/aid-receipt-confirmations`, body);

beforeAll(async () => {
  t = await createTestApp({
    env: { DIGEST_ENABLED: 'false', IATI_REPORTING_ORG_REF: 'DE-GOV-05913000', IATI_REPORTING_ORG_NAME: '{"de":"Stadt Dortmund"}' },
  });
  [office, reader, reporting] = await Promise.all([keyFor(t, 'office'), keyFor(t, 'council'), keyFor(t, 'reporting')]);
  id = await initiate(t, office);
  const counterpart = await post(t, office, `${API}/${id}/counterpart`, {
    occurredOn: '2022-04',
    name: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
    country: 'UA',
  });
  expect(counterpart.status).toBe(201);
  const delivery = await post(t, office, `${API}/${id}/aid-deliveries`, {
    occurredOn: '2022-05-10',
    receiver: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
    value: { amount: '125000.00', currency: 'EUR' },
    modality: 'in_kind',
    items: ['generators'],
    sector: 'emergency relief',
  });
  expect(delivery.status).toBe(201);
  deliveryId = delivery.body.events[0].eventId;
});
afterAll(async () => t?.close());

it('refuses a confirmation of no delivery, one dated before the delivery, and a part without discrepancies, changing nothing', async () => {
  const before = await countEvents(t, id);
  const unknown = await confirm({ occurredOn: '2022-05-20', deliveryId: randomUUID(), received: 'all' });
  expect(unknown.status).toBe(422);
  expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(unknown.body.errors).toEqual([{ field: 'deliveryId', reason: expect.stringMatching(/^no entry .* exists in this partnership$/) }]);

  const early = await confirm({ occurredOn: '2022-05-09', deliveryId, received: 'all' });
  expect(early.status).toBe(409);
  expect(early.body.code).toBe('transition_not_allowed');
  expect(early.body.detail ?? early.body.message).toMatch(/cannot be confirmed before its delivery/);

  const noNote = await confirm({ occurredOn: '2022-05-20', deliveryId, received: 'part' });
  expect(noNote.status).toBe(422);
  expect(noNote.body.errors).toEqual([{ field: 'discrepancies', reason: 'is required when only part of the delivery arrived' }]);

  const notAnId = await confirm({ occurredOn: '2022-05-20', deliveryId: 'the May delivery', received: 'all' });
  expect(notAnId.status).toBe(400);
  expect(notAnId.body.errors).toEqual([{ field: 'deliveryId', reason: 'must be an entry id (a UUID)' }]);
  expect(await countEvents(t, id)).toBe(before);
});

it('shows a partly confirmed delivery as partly confirmed in the ledger, timeline, status, dossier, CSV and IATI', async () => {
  const res = await confirm({
    occurredOn: '2022-05-20',
    deliveryId,
    received: 'part',
    discrepancies: 'Two of the twelve generators arrived damaged.',
    documentReference: 'Acceptance certificate 17/2022',
  });
  expect(res.status).toBe(201);
  expect(res.body.events[0].type).toBe('AidReceiptConfirmed');

  // the aid ledger, as the web page reads it for its chart and table
  const aid = await get(`/api/v1/aid?partnershipId=${id}&kind=delivered`);
  expect(aid.status).toBe(200);
  expect(aid.body.items).toHaveLength(1);
  expect(aid.body.items[0].receipt).toEqual({
    status: 'partly_confirmed',
    receivedOn: { date: '2022-05-20', precision: 'day' },
    confirmations: [
      {
        eventId: res.body.events[0].eventId,
        receivedOn: { date: '2022-05-20', precision: 'day' },
        received: 'part',
        discrepancies: 'Two of the twelve generators arrived damaged.',
        documentReference: 'Acceptance certificate 17/2022',
      },
    ],
  });

  const timeline = await get(`${API}/${id}/timeline`);
  const entry = timeline.body.entries.find((e: { eventId: string }) => e.eventId === deliveryId);
  expect(entry.receipt.status).toBe('partly_confirmed');
  // as of a day before the receipt, the same delivery still awaited confirmation
  const earlier = await get(`${API}/${id}/timeline?validAt=2022-05-15`);
  expect(earlier.body.entries.find((e: { eventId: string }) => e.eventId === deliveryId).receipt.status).toBe('awaiting');
  expect((await get(`${API}/${id}`)).body.aidReceipts).toEqual({ awaiting: 0, partlyConfirmed: 1, confirmed: 0 });

  const dossier = await requestReport(t, reporting, { type: 'dossier', parameters: { partnershipId: id } });
  expect(dossier.status).toBe(202);
  await waitForReport(t, reporting, dossier.body.id);
  const model = JSON.parse((await download(t, reporting, dossier.body.id, 'json')).body.toString('utf8'));
  expect(model.deliveries).toEqual([
    expect.objectContaining({
      eventId: deliveryId,
      receipt: 'partly_confirmed',
      receiptText: 'partly confirmed',
      receivedOn: '20 May 2022',
      discrepancies: ['20 May 2022: Two of the twelve generators arrived damaged.'],
    }),
  ]);

  const summary = await requestReport(t, reporting, { type: 'aid_summary', parameters: { partnershipId: id, kind: 'delivered' } });
  expect(summary.status).toBe(202);
  await waitForReport(t, reporting, summary.body.id);
  const csv = (await download(t, reporting, summary.body.id, 'csv')).body.toString('utf8').split('\r\n');
  expect(csv[0]).toBe('\ufeffreceiver;month;currency;sector;count;total;confirmed;partly_confirmed;awaiting_confirmation;receipts');
  expect(csv[1]).toBe(
    'Zhytomyr;2022-05;EUR;emergency relief;1;125000,00;0;1;0;10 May 2022: partly confirmed, received 20 May 2022 (Two of the twelve generators arrived damaged.)',
  );

  const iati = await get(`${API}/${id}/aid.iati.xml`);
  expect(iati.status).toBe(200);
  const xml = iati.text;
  expect((await validateIatiActivities(xml)).errors).toEqual([]);
  const rules = checkIatiRuleset(xml, standardRuleset());
  expect(rules.failures).toEqual([]);
  expect(xml).toContain(
    'Receipt partly confirmed by the receiver (last received 20 May 2022). Discrepancies: Two of the twelve generators',
  );
  expect(xml).toContain('Empfang vom Empfänger teilweise bestätigt');
});

it('confirms the rest, then refuses a further confirmation; retracting the full one goes back to partly confirmed', async () => {
  const rest = await confirm({ occurredOn: '2022-06-02', deliveryId, received: 'all', note: 'The replacements arrived.' });
  expect(rest.status).toBe(201);
  const aid = await get(`/api/v1/aid?partnershipId=${id}&kind=delivered`);
  expect(aid.body.items[0].receipt).toMatchObject({ status: 'confirmed', receivedOn: { date: '2022-06-02', precision: 'day' } });

  const again = await confirm({ occurredOn: '2022-06-10', deliveryId, received: 'all' });
  expect(again.status).toBe(409);
  expect(again.body.detail ?? again.body.message).toMatch(/already confirmed as received in full/);

  const retract = await post(t, office, `${API}/${id}/entries/${rest.body.events[0].eventId}/retractions`, { reason: 'Recorded early.' });
  expect(retract.status).toBe(201);
  const after = await get(`/api/v1/aid?partnershipId=${id}&kind=delivered`);
  expect(after.body.items[0].receipt.status).toBe('partly_confirmed');
  expect((await get(`${API}/${id}`)).body.aidReceipts).toEqual({ awaiting: 0, partlyConfirmed: 1, confirmed: 0 });

  // the delivery cannot be retracted while a confirmation relies on it
  const orphan = await post(t, office, `${API}/${id}/entries/${deliveryId}/retractions`, { reason: 'Duplicate.' });
  expect(orphan.status).toBe(409);
  expect(orphan.body.code).toBe('contradicts_later_entries');
});
