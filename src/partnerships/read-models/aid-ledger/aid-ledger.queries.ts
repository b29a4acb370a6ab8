// Queries of the aid ledger: filters, exact totals per currency, groups.
import { readablePartnerships } from '../../../organisations/access.js';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../../../event-store/event-store.module.js';
import { addDecimal } from '../../domain/index.js';
import { PartnershipSource } from '../as-of.js';
import { receiptView } from '../receipts/receipts.js';
import { escapeLike } from '../sql.js';
import type { AidEntry, AidQuery, AidResult } from './aid-ledger.types.js';

@Injectable()
export class AidLedgerQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PartnershipSource) private readonly source: PartnershipSource,
  ) {}

  /** Given an organisation: only the partnerships it may read. */
  async aid(query: AidQuery, organisationId?: string): Promise<AidResult> {
    if (query.partnershipId) await this.source.projectionHasApplied(query.partnershipId).catch(() => undefined);
    const params: unknown[] = [];
    const where = ['NOT a.retracted'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (organisationId) add(`a.partnership_id IN ${readablePartnerships('?')}`, organisationId);
    if (query.partnershipId) add('a.partnership_id = ?', query.partnershipId);
    if (query.receiver) add(`lower(a.receiver::text) LIKE ?`, `%${escapeLike(query.receiver.toLocaleLowerCase())}%`);
    if (query.from) add('a.sort_date >= ?', query.from);
    if (query.to) add('a.sort_date <= ?', query.to);
    if (query.currency) add('a.currency = ?', query.currency);
    if (query.sector) add('lower(a.sector) = ?', query.sector.toLocaleLowerCase());
    if (query.kind) add('a.kind = ?', query.kind);
    const { rows } = await this.pool.query(
      `SELECT a.*, a.amount::text AS amount_text FROM aid_ledger a WHERE ${where.join(' AND ')} ORDER BY a.sort_date, a.partnership_id, a.stream_version`,
      params,
    );
    const items: AidEntry[] = rows.map((r) => ({
      eventId: r.event_id,
      partnershipId: r.partnership_id,
      kind: r.kind,
      receiver: r.receiver,
      receiverKey: r.receiver_key,
      occurredOn: r.occurred_on,
      month: r.month,
      amount: r.amount_text,
      currency: r.currency,
      modality: r.modality,
      sector: r.sector,
      fundingChannel: r.funding_channel,
      items: r.items,
      retracted: r.retracted,
      receipt: r.kind === 'delivered' ? receiptView(r.receipt_confirmations ?? []) : null,
    }));
    const totals: Record<string, string> = {};
    for (const i of items) if (i.amount && i.currency) totals[i.currency] = addDecimal(totals[i.currency] ?? '0', i.amount);
    const result: AidResult = { query, items, totals };
    if (query.groupBy) {
      const keyOf = (i: AidEntry) =>
        query.groupBy === 'receiver'
          ? i.receiverKey
          : query.groupBy === 'month'
            ? (i.month ?? i.occurredOn.date.slice(0, 4))
            : query.groupBy === 'currency'
              ? i.currency
              : i.sector;
      const groups = new Map<string | null, { key: string | null; count: number; totals: Record<string, string> }>();
      for (const i of items) {
        const key = keyOf(i) ?? null;
        const g = groups.get(key) ?? { key, count: 0, totals: {} };
        g.count++;
        if (i.amount && i.currency) g.totals[i.currency] = addDecimal(g.totals[i.currency] ?? '0', i.amount);
        groups.set(key, g);
      }
      result.groups = [...groups.values()].sort((a, b) => String(a.key ?? '').localeCompare(String(b.key ?? '')));
    }
    return result;
  }
}
