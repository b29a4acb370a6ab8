// Partnership dossier: status and full timeline of one partnership, for council staff.
// Pure functions of the read models, so they are tested with fixtures and no database.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type pg from 'pg';
import PDFDocument from 'pdfkit';
import { businessDateStart } from '../../partnerships/domain/index.js';
import type { PartnershipDetail } from '../../partnerships/read-models/status/status.types.js';
import type { Timeline, TimelineEntry } from '../../partnerships/read-models/timeline/timeline.types.js';
import { RECEIPT_TEXT, type ReceiptView } from '../../partnerships/read-models/receipts/receipts.js';
import { dateText, esc, humanize, nameText, page, table } from './html.js';

export interface DossierModel {
  kind: 'partnership_dossier';
  generatedAt: string;
  partnership: PartnershipDetail;
  /**
   * The signings pulled out so nobody has to search the timeline for them: those still planned, the
   * planned dates of those that took place (and when they did), and the signed ones. Rescheduled or
   * cancelled plans are left out.
   */
  signings: {
    planned: {
      plannedOn: string;
      date: PartnershipDetail['scheduledSignings'][number]['plannedOn'];
      agreementKind: string | null;
      /** when the planned signing took place; null while it is still open */
      tookPlaceOn: string | null;
    }[];
    signed: {
      signedOn: string;
      date: PartnershipDetail['agreements'][number]['signedOn'];
      kind: string;
      mode: string | null;
      venue: string | null;
    }[];
  };
  /** every live delivery with how much of it the receiver has confirmed, oldest first */
  deliveries: DossierDelivery[];
  timeline: Timeline;
}

interface DossierDelivery {
  eventId: string;
  deliveredOn: string;
  receiver: string;
  value: string | null;
  items: string[];
  receipt: ReceiptView['status'];
  /** "confirmed", "partly confirmed" or "awaiting confirmation" */
  receiptText: string;
  receivedOn: string | null;
  /** the discrepancies noted by the confirmations, with their dates */
  discrepancies: string[];
  documentReferences: string[];
}

/** The timeline's live deliveries with their receipt (the timeline annotates them as of its day). */
function deliveriesOf(timeline: Timeline): DossierDelivery[] {
  return timeline.entries
    .filter((e) => e.type === 'AidDelivered' && !e.retracted)
    .map((e) => {
      const d = e.data as pg.QueryResultRow;
      const receipt: ReceiptView = e.receipt ?? { status: 'awaiting', receivedOn: null, confirmations: [] };
      return {
        eventId: e.eventId,
        deliveredOn: dateText(e.occurredOn),
        receiver: nameText(d.receiver),
        value: d.value?.amount ? `${d.value.amount} ${d.value.currency ?? ''}`.trim() : null,
        items: Array.isArray(d.items) ? d.items : [],
        receipt: receipt.status,
        receiptText: RECEIPT_TEXT[receipt.status],
        receivedOn: receipt.receivedOn ? dateText(receipt.receivedOn) : null,
        discrepancies: receipt.confirmations.flatMap((c) => (c.discrepancies ? [`${dateText(c.receivedOn)}: ${c.discrepancies}`] : [])),
        documentReferences: receipt.confirmations.flatMap((c) => (c.documentReference ? [c.documentReference] : [])),
      };
    });
}

/** "partly confirmed, received 20 May 2022 — 20 May 2022: two generators missing". */
function receiptLine(d: DossierDelivery): string {
  const parts = [d.receiptText + (d.receivedOn ? `, received ${d.receivedOn}` : '')];
  if (d.discrepancies.length) parts.push(d.discrepancies.join('; '));
  if (d.documentReferences.length) parts.push(`document ${d.documentReferences.join(', ')}`);
  return parts.join(' — ');
}

export function buildDossierModel(partnership: PartnershipDetail, timeline: Timeline, generatedAt: string): DossierModel {
  return {
    kind: 'partnership_dossier',
    generatedAt,
    partnership,
    signings: {
      planned: [
        ...partnership.scheduledSignings.map((s) => ({ date: s.plannedOn, agreementKind: s.agreementKind ?? null, tookPlaceOn: null })),
        ...partnership.agreements
          .filter((a) => a.plannedFor)
          .map((a) => ({ date: a.plannedFor!, agreementKind: a.kind, tookPlaceOn: dateText(a.signedOn) })),
      ]
        .sort((a, b) => (businessDateStart(a.date) < businessDateStart(b.date) ? -1 : 1))
        .map((s) => ({ plannedOn: dateText(s.date), ...s })),
      signed: partnership.agreements.map((a) => ({
        signedOn: dateText(a.signedOn),
        date: a.signedOn,
        kind: a.kind,
        mode: a.mode ?? null,
        venue: a.venue ?? null,
      })),
    },
    deliveries: deliveriesOf(timeline),
    timeline,
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** One line describing an entry from its (corrected) data: what a reader needs, not every field. */
/** "recorded by <display name>, <date>": a person's current name (the timeline resolved it) or a key's name. */
const recordedLine = (e: TimelineEntry) => `${e.actor ? `recorded by ${e.actor}, ` : 'recorded '}${e.recordedAt.slice(0, 10)}`;

export function describeEntry(e: TimelineEntry): string {
  const d = e.data as pg.QueryResultRow;
  const parts: string[] = [];
  const name = d.receiver ?? d.name ?? d.ownMunicipality;
  if (name && typeof name === 'object') parts.push(nameText(name));
  for (const k of [
    'title',
    'paperReference',
    'resolutionReference',
    'body',
    'committee',
    'outcome',
    'agreementKind',
    'proposedTier',
    'tier',
    'area',
    'organisation',
    'mode',
    'venue',
    'reason',
    'discrepancies',
    'documentReference',
  ]) {
    const v = str(d[k]);
    if (v) parts.push(k === 'outcome' || k === 'agreementKind' || k === 'mode' ? humanize(v) : v);
  }
  if (e.type === 'AidReceiptConfirmed') parts.unshift(d.received === 'all' ? 'all arrived' : 'only part arrived');
  if (e.receipt) parts.push(RECEIPT_TEXT[e.receipt.status]);
  if (d.value && typeof d.value === 'object' && d.value.amount) parts.push(`${d.value.amount} ${d.value.currency ?? ''}`.trim());
  if (Array.isArray(d.items) && d.items.length) parts.push(d.items.join(', '));
  const note = str(d.note) ?? str(d.text);
  if (note) parts.push(note);
  return parts.join(' · ');
}

function partnersTitle(p: PartnershipDetail): string {
  return `${nameText(p.ownMunicipality)} – ${nameText(p.counterpart)}`;
}

export function renderDossierHtml(m: DossierModel): string {
  const p = m.partnership;
  const status = table(
    ['', ''],
    [
      ['Partnership id', esc(p.partnershipId)],
      ['Partners', esc(partnersTitle(p)) + (p.counterpartCountry ? ` (${esc(p.counterpartCountry)})` : '')],
      ['Tier', esc(humanize(p.tier))],
      ['Standing', esc(humanize(p.standing))],
      ['Coordinating office', esc(p.coordinatingOffice ?? '—')],
      ['Mandate', esc(p.mandateReference ?? '—')],
      [
        'Pending upgrade',
        p.pendingUpgrade ? esc(`${humanize(p.pendingUpgrade.tier)}, decided ${dateText(p.pendingUpgrade.decidedOn)}`) : '—',
      ],
      ['Next scheduled', p.nextScheduled ? esc(`${p.nextScheduled.title} on ${dateText(p.nextScheduled.date)}`) : '—'],
      ['Last milestone', esc(dateText(p.lastMilestoneOn))],
      [
        'Aid delivered',
        esc(
          Object.entries(p.aidDelivered)
            .map(([c, a]) => `${a} ${c}`)
            .join(', ') || '—',
        ),
      ],
      ['Cooperation areas', esc(p.areas.join(', ') || '—')],
      ['Version', esc(p.version)],
    ],
  );
  const signings = table(
    ['Signing', 'Date', 'Agreement', 'Mode / venue'],
    [
      ...m.signings.planned.map((s) => [
        '<span class="planned">planned</span>',
        esc(s.plannedOn),
        esc(humanize(s.agreementKind)),
        s.tookPlaceOn ? `took place ${esc(s.tookPlaceOn)}` : 'open',
      ]),
      ...m.signings.signed.map((s) => [
        'signed',
        esc(s.signedOn),
        esc(humanize(s.kind)),
        esc([humanize(s.mode), s.venue].filter((v) => v && v !== '—').join(', ') || '—'),
      ]),
    ],
  );
  const decisions = table(
    ['Decided on', 'Outcome', 'Paper', 'Resolution'],
    p.councilDecisions.map((d) => [
      esc(dateText(d.decidedOn)),
      esc(humanize(d.outcome)),
      esc(d.paperReference ?? '—'),
      esc(d.resolutionReference ?? '—'),
    ]),
  );
  const deliveries = table(
    ['Delivered', 'Receiver', 'Value', 'Receipt'],
    m.deliveries.map((d) => [esc(d.deliveredOn), esc(d.receiver), esc(d.value ?? '—'), esc(receiptLine(d))]),
  );
  const timeline = table(
    ['Date', 'Milestone', 'Details', 'Recorded'],
    m.timeline.entries.map((e) => {
      const cls = e.retracted ? ' class="retracted"' : e.planned ? ' class="planned"' : '';
      const flags = [e.planned ? 'planned' : '', e.corrected ? 'corrected' : '', e.retracted ? 'retracted' : ''].filter(Boolean).join(', ');
      return [
        `<span${cls}>${esc(dateText(e.occurredOn))}</span>`,
        `<span${cls}>${esc(humanize(e.type))}</span>${flags ? ` <span class="note">(${esc(flags)})</span>` : ''}`,
        esc(describeEntry(e)),
        `<span class="note">${esc(recordedLine(e))}</span>`,
      ];
    }),
  );
  return page(
    `Partnership dossier: ${partnersTitle(p)}`,
    m.generatedAt,
    `<h2>Status</h2>${status}<h2>Signings</h2>${signings}<h2>Council decisions</h2>${decisions}<h2>Deliveries and their receipt</h2>${deliveries}<h2>Timeline (${m.timeline.entries.length} entries)</h2>${timeline}`,
  );
}

/**
 * DejaVu Sans, embedded (pdfkit subsets it): the standard PDF fonts cover Windows-1252 only, and a
 * dossier must print Житомир, Вінниця and Łódź as written. Read once, from the npm package.
 */
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function dossierFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fonts = { regular: readFileSync(join(dir, 'DejaVuSans.ttf')), bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')) };
  }
  return fonts;
}

export async function renderDossierPdf(m: DossierModel): Promise<Buffer> {
  const p = m.partnership;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `Partnership dossier ${p.partnershipId}`,
      Author: 'Partnership Ledger',
      CreationDate: new Date(m.generatedAt),
    },
  });
  const { regular, bold } = dossierFonts();
  doc.registerFont('Body', regular);
  doc.registerFont('Bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const heading = (s: string) => {
    doc.moveDown(0.8).font('Bold').fontSize(13).text(s).moveDown(0.3).font('Body').fontSize(10);
  };
  const line = (label: string, value: string) => {
    doc.font('Bold').text(`${label}: `, { continued: true }).font('Body').text(value);
  };

  doc
    .font('Bold')
    .fontSize(18)
    .text(`Partnership dossier: ${partnersTitle(p)}`);
  doc
    .font('Body')
    .fontSize(9)
    .fillColor('#555')
    .text(`Generated ${m.generatedAt} by Partnership Ledger · id ${p.partnershipId} · version ${p.version}`)
    .fillColor('black');

  heading('Status');
  doc.fontSize(10);
  line('Tier', humanize(p.tier));
  line('Standing', humanize(p.standing));
  if (p.counterpartCountry) line('Counterpart country', p.counterpartCountry);
  if (p.coordinatingOffice) line('Coordinating office', p.coordinatingOffice);
  if (p.pendingUpgrade) line('Pending upgrade', `${humanize(p.pendingUpgrade.tier)}, decided ${dateText(p.pendingUpgrade.decidedOn)}`);
  if (p.nextScheduled) line('Next scheduled', `${p.nextScheduled.title} on ${dateText(p.nextScheduled.date)}`);
  line('Last milestone', dateText(p.lastMilestoneOn));
  line(
    'Aid delivered',
    Object.entries(p.aidDelivered)
      .map(([c, a]) => `${a} ${c}`)
      .join(', ') || '—',
  );
  if (p.areas.length) line('Cooperation areas', p.areas.join(', '));

  heading('Signings');
  if (!m.signings.planned.length && !m.signings.signed.length) doc.text('None.');
  for (const s of m.signings.planned)
    doc.text(`Planned: ${s.plannedOn} — ${humanize(s.agreementKind)} (${s.tookPlaceOn ? `took place ${s.tookPlaceOn}` : 'open'})`);
  for (const s of m.signings.signed)
    doc.text(`Signed: ${s.signedOn} — ${humanize(s.kind)}${s.mode ? `, ${humanize(s.mode)}` : ''}${s.venue ? `, ${s.venue}` : ''}`);

  heading('Council decisions');
  if (!p.councilDecisions.length) doc.text('None.');
  for (const d of p.councilDecisions)
    doc.text(`${dateText(d.decidedOn)} — ${humanize(d.outcome)}${d.paperReference ? ` (${d.paperReference})` : ''}`);

  heading('Deliveries and their receipt');
  if (!m.deliveries.length) doc.text('None.');
  for (const d of m.deliveries) doc.text(`${d.deliveredOn} — ${d.receiver}${d.value ? `, ${d.value}` : ''}: ${receiptLine(d)}`);

  heading(`Timeline (${m.timeline.entries.length} entries)`);
  for (const e of m.timeline.entries) {
    const flags = [e.planned ? 'planned' : '', e.corrected ? 'corrected' : '', e.retracted ? 'retracted' : ''].filter(Boolean).join(', ');
    doc.font('Bold').text(`${dateText(e.occurredOn)}  ${humanize(e.type)}${flags ? ` (${flags})` : ''}`);
    const details = describeEntry(e);
    doc
      .font('Body')
      .fillColor('#333')
      .text(details || '—', { indent: 14 })
      .text(recordedLine(e), { indent: 14 })
      .fillColor('black')
      .moveDown(0.2);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
