// The public downloads, built by the reporting builders from the public view only: the dossier
// (HTML, PDF) of the public entries and status, and the aid CSV of the public deliveries.
import { buildAidSummary, renderAidSummaryCsv } from '../reporting/builders/aid-summary.js';
import { buildDossierModel, renderDossierHtml, renderDossierPdf } from '../reporting/builders/dossier.js';
import type { LocalizedName } from '../partnerships/domain/index.js';
import type { AidEntry } from '../partnerships/read-models/aid-ledger/aid-ledger.types.js';
import { placeKey } from './places.js';
import type { PublicPartnership } from './public-reads.js';

export function publicDossierHtml(p: PublicPartnership, generatedAt: string): string {
  return renderDossierHtml(buildDossierModel(p.detail, p.timeline, generatedAt));
}

export function publicDossierPdf(p: PublicPartnership, generatedAt: string): Promise<Buffer> {
  return renderDossierPdf(buildDossierModel(p.detail, p.timeline, generatedAt));
}

/** The public aid deliveries as the aid ledger's rows, for the aid summary's CSV. */
function publicAid(p: PublicPartnership): AidEntry[] {
  return p.timeline.entries
    .filter((e) => e.type === 'AidDelivered' && e.occurredOn)
    .map((e) => {
      const d = e.data as {
        receiver: LocalizedName;
        value?: { amount: string; currency: string };
        modality: string;
        items?: string[];
        sector?: string;
        fundingChannel?: string;
      };
      const receiverKey = d.receiver.en ?? d.receiver.de ?? d.receiver.uk ?? placeKey(d.receiver);
      return {
        eventId: e.eventId,
        partnershipId: p.id,
        kind: 'delivered' as const,
        receiver: d.receiver,
        receiverKey,
        occurredOn: e.occurredOn!,
        month: e.occurredOn!.precision === 'year' ? null : e.occurredOn!.date.slice(0, 7),
        amount: d.value?.amount ?? null,
        currency: d.value?.currency ?? null,
        modality: d.modality,
        sector: d.sector ?? null,
        fundingChannel: d.fundingChannel ?? null,
        items: d.items ?? [],
        retracted: false,
        // Receipts (and their discrepancies) are not part of the public view yet.
        receipt: null,
      };
    });
}

export function publicAidCsv(p: PublicPartnership, generatedAt: string): string {
  return renderAidSummaryCsv(buildAidSummary(publicAid(p), { kind: 'delivered', partnershipId: p.id }, generatedAt));
}
