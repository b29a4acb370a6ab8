// The dossier PDF prints names in every script we hold: the text is extracted with a real PDF
// parser (pdfjs-dist), not searched for in the bytes.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PartnershipDetail } from '../../partnerships/read-models/status/status.types.js';
import type { Timeline, TimelineEntry } from '../../partnerships/read-models/timeline/timeline.types.js';
import { buildDossierModel, renderDossierHtml, renderDossierPdf } from './dossier.js';

async function textOf(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join(' ') + '\n';
  }
  await doc.destroy();
  return text.replace(/\s+/g, ' ');
}

const aidEntry = (eventId: string, date: string, receiver: Record<string, string>, amount: string): TimelineEntry => ({
  eventId,
  partnershipId: 'dortmund-zhytomyr',
  streamVersion: 1,
  type: 'AidDelivered',
  occurredOn: { date, precision: 'month' },
  planned: false,
  data: { occurredOn: { date, precision: 'month' }, receiver, value: { amount, currency: 'EUR' }, modality: 'in_kind' },
  corrections: [],
  corrected: false,
  retracted: false,
  retraction: null,
  recordedAt: '2022-12-01T10:00:00.000Z',
  actor: 'Office for International Relations',
});

const partnership = {
  partnershipId: 'dortmund-zhytomyr',
  version: 3,
  tier: 'solidarity',
  standing: 'active',
  ownMunicipality: { de: 'Dortmund', uk: 'Дортмунд', en: 'Dortmund' },
  counterpart: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
  counterpartCountry: 'UA',
  pendingUpgrade: null,
  currentPaper: null,
  nextScheduled: null,
  lastMilestoneOn: { date: '2022-11', precision: 'month' },
  aidDelivered: { EUR: '265000.00' },
  aidCommitted: {},
  areas: ['culture'],
  participantCount: 0,
  agreements: [],
  updatedAt: '2022-12-01T10:00:00.000Z',
  predecessorId: null,
  coordinatingOffice: 'Büro für Internationale Beziehungen, Łódź desk',
  mandateReference: null,
  papers: [],
  councilDecisions: [],
  scheduledSignings: [],
  participants: [],
  asOf: null,
} as unknown as PartnershipDetail;

const timeline: Timeline = {
  partnershipId: 'dortmund-zhytomyr',
  version: 3,
  asOf: null,
  entries: [
    aidEntry('a1', '2022-05', { de: 'Winnyzja', uk: 'Вінниця', en: 'Vinnytsia' }, '125000.00'),
    aidEntry('a2', '2022-06', { de: 'Mykolajiw', uk: 'Миколаїв', en: 'Mykolaiv' }, '80000.00'),
  ],
};

describe('dossier PDF', () => {
  it('prints Cyrillic and Latin Extended names as written, with an embedded font', async () => {
    const pdf = await renderDossierPdf(buildDossierModel(partnership, timeline, '2025-08-01T10:00:00.000Z'));
    const text = await textOf(pdf);
    for (const word of ['Житомир', 'Вінниця', 'Миколаїв', 'Дортмунд', 'Büro für Internationale Beziehungen', 'Łódź'])
      expect(text).toContain(word);
    expect(text).not.toContain('???');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/); // a subset of DejaVu Sans is embedded
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toContain('/Helvetica');
  });
});

describe('dossier receipts', () => {
  const confirmed = {
    ...aidEntry('a2', '2022-06', { en: 'Mykolaiv' }, '80000.00'),
    receipt: {
      status: 'partly_confirmed' as const,
      receivedOn: { date: '2022-06-20', precision: 'day' as const },
      confirmations: [
        {
          eventId: 'c1',
          receivedOn: { date: '2022-06-20', precision: 'day' as const },
          received: 'part' as const,
          discrepancies: 'two pallets missing',
          documentReference: 'Akt 17/2022',
        },
      ],
    },
  };
  const model = buildDossierModel(
    partnership,
    { ...timeline, entries: [timeline.entries[0], confirmed, { ...aidEntry('a3', '2022-07', { en: 'Kyiv' }, '1.00'), retracted: true }] },
    '2025-08-01T10:00:00.000Z',
  );

  it('lists every live delivery as confirmed, partly confirmed or awaiting confirmation, with the date and the note', () => {
    expect(model.deliveries.map((d) => [d.eventId, d.receiptText, d.receivedOn, d.discrepancies, d.documentReferences])).toEqual([
      ['a1', 'awaiting confirmation', null, [], []],
      ['a2', 'partly confirmed', '20 June 2022', ['20 June 2022: two pallets missing'], ['Akt 17/2022']],
    ]);
    const html = renderDossierHtml(model);
    expect(html).toContain('<h2>Deliveries and their receipt</h2>');
    expect(html).toContain('partly confirmed, received 20 June 2022 — 20 June 2022: two pallets missing — document Akt 17/2022');
  });

  it('prints the receipt in the PDF', async () => {
    const text = await textOf(await renderDossierPdf(model));
    expect(text).toContain('Deliveries and their receipt');
    expect(text).toMatch(/partly confirmed, received 20 June 2022/);
    expect(text).toContain('awaiting confirmation');
  });
});
