// The soak's printed result, and whether it passed.
import { cpus, loadavg } from 'node:os';
import type { CommandCheck, ReportCheck } from './checks.js';
import type { DeliveryCheck } from './deliveries.js';
import type { FaultKind, FaultRecord } from './faults.js';
import type { Load } from './load.js';

export interface SoakResult {
  minutes: number;
  loadSeconds: number;
  kinds: FaultKind[];
  commands: CommandCheck;
  reports: ReportCheck;
  deliveries: DeliveryCheck & { drainSeconds: number; batchSeconds: number; followed: number; partnerships: number };
  projections: { live: string; rebuilt: string; equal: boolean };
  verify: { ok: boolean; text: string };
  faults: FaultRecord[];
  load: Load;
}

const ms = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(0)} s` : v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${v} ms`);
const tally = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || 'none';

export function summarise(r: SoakResult): { text: string; ok: boolean } {
  const t = r.load.tallies;
  const failures: string[] = [];
  const fail = (cond: boolean, what: string) => cond && failures.push(what);
  const c = r.commands;
  fail(c.lost > 0, `${c.lost} acknowledged commands lost`);
  fail(c.duplicated > 0, `${c.duplicated} commands stored more than once`);
  fail(c.unresolved > 0, `${c.unresolved} commands without an answer after the retries`);
  fail(t.serverErrors.length > 0, `${t.serverErrors.length} 5xx answers other than 503`);
  fail(t.unexpected.length > 0, `${t.unexpected.length} unexpected 4xx answers or replays`);
  fail(r.reports.lost + r.reports.failed > 0, `${r.reports.lost} reports lost, ${r.reports.failed} failed`);
  fail(r.reports.filesMissingOrExtra > 0, `${r.reports.filesMissingOrExtra} completed reports with the wrong number of files`);
  const d = r.deliveries;
  const notSent = Object.entries(d.mails.notSent)
    .map(([state, n]) => `${n} ${state}`)
    .join(', ');
  fail(d.webhooks.lost > 0, `${d.webhooks.lost} webhook deliveries lost`);
  fail(d.webhooks.duplicated > 0, `${d.webhooks.duplicated} events delivered under more than one webhook-id`);
  fail(d.webhooks.unverified > 0, `${d.webhooks.unverified} webhook deliveries whose signature did not verify`);
  fail(d.entries.lost > 0, `${d.entries.lost} mail entries lost`);
  fail(d.entries.duplicated > 0, `${d.entries.duplicated} mail entries in more than one mail`);
  fail(d.mails.delivered < d.mails.due, `${d.mails.due - d.mails.delivered} mails lost${notSent ? ` (${notSent})` : ''}`);
  fail(d.mails.contentMismatch > 0, `${d.mails.contentMismatch} mails listing other entries than their outbox holds`);
  fail(!r.projections.equal, 'projections differ from a rebuild');
  fail(!r.verify.ok, 'ledger:verify did not pass');
  const unrecovered = r.faults.filter((f) => f.recoveryMs === null).length;
  fail(unrecovered > 0, `${unrecovered} faults after which readiness never came back`);

  const lines = [
    `soak: ${r.minutes} min of load and faults (${r.loadSeconds} s measured), 2 API + 2 worker processes, node ${process.version}, ${cpus().length} cores, load average at the end ${loadavg()[0]!.toFixed(1)}`,
    '',
    `commands: sent ${c.sent}, acknowledged ${c.acknowledged}, lost ${c.lost}, duplicated ${c.duplicated}, without an answer after retries ${c.unresolved}, stored but never acknowledged ${c.storedWithoutAnswer}`,
    `  retried with their key: ${r.load.commands.filter((x) => x.attempts > 1).length} commands, ${r.load.commands.reduce((n, x) => n + x.attempts - 1, 0)} retries`,
    `answers: ${tally(t.statuses)}`,
    `503 reasons: ${tally(t.reasons503)}`,
    `500s (5xx other than 503): ${t.serverErrors.length}${t.serverErrors
      .slice(0, 5)
      .map((e) => `\n  ${e.status} ${e.at}: ${e.body}`)
      .join('')}`,
    `unexpected 4xx: ${t.unexpected.length}${t.unexpected
      .slice(0, 5)
      .map((e) => `\n  ${e.status} ${e.at}: ${e.body}`)
      .join('')}`,
    `reads: ${t.reads}, public pages: ${t.publicPages}`,
    `reports: requested ${r.reports.requested} (accepted with 202), completed ${r.reports.completed}, lost ${r.reports.lost}, failed ${r.reports.failed}, wrong file count ${r.reports.filesMissingOrExtra}; requests not accepted (no answer or 5xx; not retried: they have no key) ${t.reportsUnknown}; made by the dispatcher ${r.reports.system}`,
    `webhooks (every event to one endpoint): due ${d.webhooks.due}, delivered ${d.webhooks.delivered}, lost ${d.webhooks.lost}, duplicated under another webhook-id ${d.webhooks.duplicated}; redelivered with the same webhook-id ${d.webhooks.redelivered} (at-least-once, documented; not a failure); signature not verified ${d.webhooks.unverified}; for events of no soak command ${d.webhooks.other}`,
    `mails (one person following ${d.followed} of ${d.partnerships} partnerships, batched ${d.batchSeconds} s): due ${d.mails.due}, delivered ${d.mails.delivered}, lost ${d.mails.due - d.mails.delivered}; redelivered with the same Message-ID ${d.mails.redelivered} (at-least-once, documented; not a failure); content differing from the outbox ${d.mails.contentMismatch}; estimate from acknowledgement times ${d.mails.estimate}`,
    `  mail entries (acknowledged events of followed partnerships): due ${d.entries.due}, delivered ${d.entries.delivered}, lost ${d.entries.lost}, in more than one mail ${d.entries.duplicated}; drain after the load ${d.drainSeconds} s`,
    `projections: live md5 ${r.projections.live}, rebuilt md5 ${r.projections.rebuilt}: ${r.projections.equal ? 'equal' : 'DIFFERENT'}`,
    `ledger:verify: ${r.verify.ok ? 'passed' : 'FAILED'}`,
    ...r.verify.text
      .trim()
      .split('\n')
      .map((l) => `  ${l}`),
    '',
    'faults: count; the fault itself took (median, max); then every API ready again after (min / median / max)',
  ];
  for (const kind of r.kinds) {
    const of = r.faults.filter((f) => f.kind === kind);
    const times = of
      .map((f) => f.recoveryMs)
      .filter((v): v is number => v !== null)
      .sort((a, b) => a - b);
    const spread = (xs: number[]) =>
      xs.length ? `${ms(xs[0]!)} / ${ms(xs[Math.floor((xs.length - 1) / 2)]!)} / ${ms(xs[xs.length - 1]!)}` : '-';
    const lasted = of.map((f) => f.lastedMs).sort((a, b) => a - b);
    const took = lasted.length ? `${ms(lasted[Math.floor((lasted.length - 1) / 2)]!)}, ${ms(lasted[lasted.length - 1]!)}` : '-';
    const notes = of.filter((f) => f.note && !f.note.includes('reply dropped') && !f.note.includes('restarted')).length;
    lines.push(
      `  ${kind.padEnd(28)} ${String(of.length).padStart(3)}; took ${took}; ready after ${spread(times)}${of.length - times.length ? `; ${of.length - times.length} never` : ''}${notes ? `; ${notes} not as planned (restart slower than the limit, or nothing to drop; see the log)` : ''}`,
    );
  }
  lines.push(
    '',
    failures.length
      ? `RESULT: FAILED — ${failures.join('; ')}`
      : 'RESULT: passed (no loss, no duplicate beyond the documented at-least-once redelivery, no 500, no mismatch)',
    '',
  );
  return { text: lines.join('\n'), ok: failures.length === 0 };
}
