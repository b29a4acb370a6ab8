import { loadPageCodes } from '../web/page-codes.js';
import { renderMail } from './mail-templates.js';

beforeAll(() => loadPageCodes());

const links = { unsubscribeUrl: 'https://ledger.example/api/v1/unsubscribe?token=t', settingsUrl: 'https://ledger.example/#/settings' };
const entry = (eventType: string) => ({
  partnershipId: 'dortmund-zhytomyr',
  eventType,
  occurredAt: new Date('2022-06-15T00:00:00Z'),
  link: 'https://ledger.example/#/p/dortmund-zhytomyr',
});

describe('renderMail', () => {
  it('writes each language, in text and HTML, with the unsubscribe link in both', () => {
    const subjects = (['en', 'de', 'uk'] as const).map(
      (l) => renderMail(l, { kind: 'entries', entries: [entry('CouncilDecided')] }, links).subject,
    );
    expect(subjects).toEqual([
      'New entry: Council decision – dortmund-zhytomyr',
      'Neuer Eintrag: Ratsbeschluss – dortmund-zhytomyr',
      'Новий запис: Рішення ради – dortmund-zhytomyr',
    ]);
    const de = renderMail('de', { kind: 'entries', entries: [entry('CouncilDecided'), entry('EntryCorrected')] }, links);
    expect(de.subject).toBe('2 neue Einträge im Partnerschaftsregister');
    expect(de.text).toContain('- dortmund-zhytomyr: Korrektur (vom 15. Juni 2022)');
    expect(de.text).toContain(links.unsubscribeUrl);
    expect(de.html).toContain('<html lang="de">');
    expect(de.html).toContain('href="https://ledger.example/api/v1/unsubscribe?token=t"');
  });

  it('names every milestone kind as the page does, also kinds added after the mail was written', () => {
    expect(renderMail('en', { kind: 'entries', entries: [entry('AidReceiptConfirmed')] }, links).subject).toBe(
      'New entry: Receipt confirmed – dortmund-zhytomyr',
    );
    expect(renderMail('en', { kind: 'entries', entries: [entry('ObligationFulfilled')] }, links).subject).toBe(
      'New entry: Obligation fulfilled – dortmund-zhytomyr',
    );
  });

  it('escapes what it puts into HTML', () => {
    const m = renderMail(
      'en',
      { kind: 'endpoint_disabled', url: 'https://x.example/<script>', failingSince: '2026-01-01', reason: '5 days' },
      null,
    );
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;');
  });
});
