import type { ObligationRow } from '../partnerships/read-models/obligations/obligations.queries.js';
import { buildDigest, renderDigestHtml } from '../reporting/builders/digest.js';
import { remindersDue, reminderDays } from './reminders.js';

const row = (obligationId: string, dueDate: string, status: ObligationRow['status'] = 'open') => ({
  organisationId: '00000000-0000-4000-8000-000000000001',
  partnershipId: 'dortmund-zhytomyr',
  obligationId,
  dueDate,
  title: `Final report ${obligationId}`,
  status,
});

describe('remindersDue', () => {
  const final = row('final-report', '2025-12-31');

  it('falls REMINDER_DAYS before the due date and on the day after it', () => {
    expect(reminderDays('2025-12-31', 14)).toEqual({ 'due-soon': '2025-12-17', overdue: '2026-01-01' });
    expect(reminderDays('2024-03-01', 1)).toEqual({ 'due-soon': '2024-02-29', overdue: '2024-03-02' });
  });

  it('lists each reminder on its own day only', () => {
    const on = (today: string) => remindersDue([final], { today, reminderDays: 14 }).map((r) => r.kind);
    expect(on('2025-12-16')).toEqual([]);
    expect(on('2025-12-17')).toEqual(['due-soon']);
    expect(on('2025-12-18')).toEqual([]);
    expect(on('2025-12-31')).toEqual([]);
    expect(on('2026-01-01')).toEqual(['overdue']);
    expect(on('2026-01-02')).toEqual([]);
  });

  it('gives the shape the mail side sends', () => {
    expect(remindersDue([final], { today: '2026-01-01', reminderDays: 14 })).toEqual([
      {
        organisationId: '00000000-0000-4000-8000-000000000001',
        partnershipId: 'dortmund-zhytomyr',
        obligationId: 'final-report',
        kind: 'overdue',
        dueDate: '2025-12-31',
        title: 'Final report final-report',
      },
    ]);
  });

  it('catches up on the days since the previous run, once each', () => {
    const list = [final, row('interim', '2025-12-20')];
    const days = ['2025-12-10', '2025-12-18', '2025-12-25', '2026-01-05'];
    const seen = days.flatMap((today, i) =>
      remindersDue(list, { today, reminderDays: 14, since: i ? days[i - 1] : '2025-12-01' }).map((r) => `${r.obligationId}:${r.kind}`),
    );
    expect(seen.sort()).toEqual(['final-report:due-soon', 'final-report:overdue', 'interim:due-soon', 'interim:overdue']);
  });

  it('leaves out settled obligations', () => {
    expect(remindersDue([row('done', '2025-12-31', 'fulfilled')], { today: '2026-01-01', reminderDays: 14 })).toEqual([]);
  });
});

describe('the digest lists obligations', () => {
  const obligation = (obligationId: string, dueDate: string): ObligationRow => ({
    ...row(obligationId, dueDate),
    fundingEventId: 'f',
    kind: 'final_report',
    sequence: 0,
    obligation: {} as ObligationRow['obligation'],
  });

  it('overdue ones and those due within REMINDER_DAYS', () => {
    const model = buildDigest({
      since: '2025-12-01T00:00:00.000Z',
      until: '2025-12-20T06:00:00.000Z',
      changes: [],
      upcoming: [],
      dormant: [],
      generatedAt: '2025-12-20T06:00:00.000Z',
      obligations: [obligation('late', '2025-12-19'), obligation('soon', '2026-01-03'), obligation('later', '2026-01-04')],
      today: '2025-12-20',
      reminderDays: 14,
    });
    expect(model.obligations.overdue.map((o) => [o.obligationId, o.daysLeft])).toEqual([['late', -1]]);
    expect(model.obligations.dueSoon.map((o) => [o.obligationId, o.daysLeft])).toEqual([['soon', 14]]);
    expect(renderDigestHtml(model)).toMatch(/Obligations overdue \(1\)[\s\S]*Final report late/);
  });
});
