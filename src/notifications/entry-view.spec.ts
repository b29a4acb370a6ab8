import { withoutPersonalData } from './entry-view.js';

describe('withoutPersonalData', () => {
  it('drops the fields the description marks personal, in lists and corrections too', () => {
    expect(withoutPersonalData('ActivityHeld', { title: 'Youth exchange', participants: ['Office Tester'], participantCount: 12 })).toEqual(
      {
        title: 'Youth exchange',
        participantCount: 12,
      },
    );
    expect(
      withoutPersonalData('AgreementSigned', {
        occurredOn: '2023-02-23',
        signatories: [{ name: 'Office Tester', role: 'Lord Mayor', side: 'own' }],
      }),
    ).toEqual({ occurredOn: '2023-02-23', signatories: [{ role: 'Lord Mayor', side: 'own' }] });
    expect(
      withoutPersonalData('EntryCorrected', {
        targetEventId: 'e1',
        targetType: 'ActivityHeld',
        reason: 'names',
        changes: { participants: ['Council Clerk'], place: 'Zhytomyr' },
        previous: { participants: null, place: null },
      }),
    ).toEqual({
      targetEventId: 'e1',
      targetType: 'ActivityHeld',
      reason: 'names',
      changes: { place: 'Zhytomyr' },
      previous: { place: null },
    });
  });
});
