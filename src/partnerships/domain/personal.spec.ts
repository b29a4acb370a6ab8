import { MAY_BE_PERSONAL, mayHoldPersonal, personalValues, replacePersonal } from './personal.js';

describe('personal values, found by the description', () => {
  it('finds names in lists, in objects of lists and single fields, in description order', () => {
    expect(
      personalValues('ActivityHeld', {
        title: 'Youth exchange',
        participants: ['Office Tester', 'Youth Worker'],
        contactPerson: 'Council Clerk',
        note: 'free text',
      }),
    ).toEqual([
      { path: ['participants', 0], value: 'Office Tester', kind: 'name' },
      { path: ['participants', 1], value: 'Youth Worker', kind: 'name' },
      { path: ['contactPerson'], value: 'Council Clerk', kind: 'name' },
    ]);
    expect(
      personalValues('AgreementSigned', { agreementKind: 'twinning', signatories: [{ name: 'Council Clerk', role: 'Mayor' }] }).map(
        (v) => v.path,
      ),
    ).toEqual([['signatories', 0, 'name']]);
  });

  it('adds the free text an office marks, by kind or in every kind, and only fields that may be personal', () => {
    const data = { title: 'Exchange', note: 'Ask about the visit', place: 'Zhytomyr' };
    expect(personalValues('ActivityHeld', data)).toEqual([]);
    expect(personalValues('ActivityHeld', data, new Set(['ActivityHeld.note']))).toEqual([
      { path: ['note'], value: 'Ask about the visit', kind: 'text' },
    ]);
    expect(personalValues('ActivityHeld', data, new Set(['note']))).toHaveLength(1);
    expect(personalValues('ActivityHeld', data, new Set(['place', 'NoteAdded.text']))).toEqual([]);
    expect(MAY_BE_PERSONAL).toEqual(expect.arrayContaining(['NoteAdded.text', 'ActivityHeld.note', 'PartnershipSuspended.reason']));
    expect(MAY_BE_PERSONAL).not.toContain('ActivityHeld.place');
  });

  it('reads a correction by the description of the entry it corrects', () => {
    const found = personalValues('EntryCorrected', {
      targetEventId: 'x',
      targetType: 'ActivityHeld',
      reason: 'r',
      changes: { participants: ['Interpreter'] },
      previous: { participants: ['Office Tester'], contactPerson: null },
    });
    expect(found.map((v) => [v.path, v.value])).toEqual([
      [['changes', 'participants', 0], 'Interpreter'],
      [['previous', 'participants', 0], 'Office Tester'],
    ]);
  });

  it('replaces the values found in a copy, leaving the data as it was', () => {
    const data = { participants: ['Office Tester'], title: 'T' };
    const out = replacePersonal(data, personalValues('ActivityHeld', data), (v) => v.value.length);
    expect(out).toEqual({ participants: [13], title: 'T' });
    expect(data.participants).toEqual(['Office Tester']);
  });

  it('copies each container on a path once and leaves the rest of the data as it was', () => {
    const data = { participants: ['Office Tester', 'Interpreter'], contactPerson: 'Council Clerk', occurredOn: { date: '2024-05' } };
    const before = JSON.stringify(data);
    const out = replacePersonal(data, personalValues('ActivityHeld', data), (v) => `#${v.value}`) as typeof data;
    expect(out).toEqual({
      participants: ['#Office Tester', '#Interpreter'],
      contactPerson: '#Council Clerk',
      occurredOn: { date: '2024-05' },
    });
    expect(JSON.stringify(data)).toBe(before);
    expect(out.participants).not.toBe(data.participants);
  });

  it('tells which events could hold personal values at all, whatever an office marks', () => {
    expect(mayHoldPersonal('ActivityHeld', { title: 'T', participants: ['Office Tester'] })).toBe(true);
    expect(mayHoldPersonal('ActivityHeld', { title: 'T' })).toBe(false);
    const [type, field] = MAY_BE_PERSONAL[0].split('.');
    expect(mayHoldPersonal(type, { [field]: 'free text' })).toBe(true);
    expect(mayHoldPersonal('AidDelivered', { occurredOn: { date: '2024-05' }, description: 'Generators' })).toBe(false);
  });
});
