// Counters labelled by organisation: commands by outcome and the events they recorded. The label
// is the organisation's slug. Organisations are few and only the operator creates them, so the
// label stays bounded; partnership ids never become labels (there may be thousands).
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import client from 'prom-client';
import { PG_POOL } from '../event-store/event-store.module.js';

export type CommandOutcomeLabel = 'recorded' | 'replayed' | 'refused' | 'failed';

@Injectable()
export class OrganisationCounters {
  /** registered by Metrics in the app's registry */
  readonly commands = new client.Counter<'organisation' | 'outcome'>({
    name: 'pl_commands_total',
    help: 'Partnership commands by organisation and outcome (recorded, replayed, refused, failed)',
    labelNames: ['organisation', 'outcome'],
    registers: [],
  });
  readonly events = new client.Counter<'organisation'>({
    name: 'pl_events_recorded_total',
    help: 'Events recorded by commands, by the recording organisation',
    labelNames: ['organisation'],
    registers: [],
  });
  /** organisation id → slug, read once per process (slugs are not renamed, but for the demo's first organisation) */
  private readonly slugs = new Map<string, string>();

  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** Counts one command; never fails the command (a label it cannot read is "unknown"). */
  countCommand(organisationId: string, outcome: CommandOutcomeLabel, events: number): void {
    const count = (organisation: string) => {
      this.commands.inc({ organisation, outcome });
      if (events > 0) this.events.inc({ organisation }, events);
    };
    const known = this.slugs.get(organisationId);
    if (known) return count(known);
    void this.slugOf(organisationId).then(count);
  }

  /** The label of an organisation: its slug, or "unknown". */
  async slugOf(organisationId: string): Promise<string> {
    if (!this.slugs.has(organisationId)) {
      try {
        const { rows } = await this.pool.query<{ id: string; slug: string }>('SELECT id, slug FROM organisations');
        for (const r of rows) this.slugs.set(r.id, r.slug);
      } catch {
        return 'unknown';
      }
    }
    return this.slugs.get(organisationId) ?? 'unknown';
  }
}
