// The publication policy: marked entries win over the kind's default, retracted entries never show,
// and personal fields, notes, actors and the correction trail are removed from what is shown.
import type { TimelineEntry } from '../partnerships/read-models/timeline/timeline.types.js';
import { isPublicEntry, isPublished, publicEntry, publicTimeline } from './policy.js';
import { checkPublicSettings, publicSettingsOf, type PublicSettings } from './settings.js';
import { chooseLanguage } from './words.js';

const entry = (type: string, data: Record<string, unknown>, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  eventId: `e-${type}-${JSON.stringify(data).length}`,
  partnershipId: 'p',
  streamVersion: 1,
  type,
  occurredOn: { date: '2024-07', precision: 'month' },
  planned: false,
  data,
  corrections: [],
  corrected: false,
  retracted: false,
  retraction: null,
  recordedAt: '2024-07-02T10:00:00.000Z',
  actor: 'Office Tester',
  ...extra,
});
const policy: PublicSettings = { enabled: true, defaultPublicKinds: ['PartnershipInitiated', 'ActivityHeld', 'AgreementSigned'] };

it('follows the kind by default and the mark when there is one; retracted entries never', () => {
  expect(isPublicEntry(entry('ActivityHeld', { title: 'Camp' }), policy)).toBe(true);
  expect(isPublicEntry(entry('ActivityHeld', { title: 'Camp', visibility: 'internal' }), policy)).toBe(false);
  expect(isPublicEntry(entry('NoteAdded', { text: 'x' }), policy)).toBe(false);
  expect(isPublicEntry(entry('NoteAdded', { text: 'x', visibility: 'public' }), policy)).toBe(true);
  expect(isPublicEntry(entry('ActivityHeld', { title: 'Camp', visibility: 'public' }, { retracted: true }), policy)).toBe(false);
});

it('removes personal fields (nested too), notes, actors and corrections', () => {
  const shown = publicEntry(
    entry(
      'AgreementSigned',
      { agreementKind: 'twinning_charter', signatories: [{ name: 'Signatory Name', role: 'Lord Mayor' }], note: 'staff only' },
      { corrections: [{ eventId: 'c', reason: 'why', changes: {}, previous: {}, recordedAt: '', actor: 'Clerk', retracted: false }] },
    ),
  );
  expect(shown.data).toEqual({ agreementKind: 'twinning_charter', signatories: [{ role: 'Lord Mayor' }] });
  expect(shown.actor).toBeNull();
  expect(shown.corrections).toEqual([]);
  const activity = publicEntry(
    entry('ActivityHeld', { title: 'Camp', participants: ['A Person'], participantCount: 3, unknownField: 'x' }),
  );
  expect(activity.data).toEqual({ title: 'Camp', participantCount: 3 });
});

it('publishes a partnership only when the pages are on and its start is public', () => {
  const t = { partnershipId: 'p', version: 2, asOf: null, entries: [entry('PartnershipInitiated', {}), entry('NoteAdded', { text: 'x' })] };
  expect(isPublished(t, policy)).toBe(true);
  expect(isPublished(t, { ...policy, enabled: false })).toBe(false);
  expect(publicTimeline(t, policy).entries.map((e) => e.type)).toEqual(['PartnershipInitiated']);
  const hidden = { ...t, entries: [entry('PartnershipInitiated', { visibility: 'internal' })] };
  expect(isPublished(hidden, policy)).toBe(false);
});

it('reads settings defensively and checks what the route is sent', () => {
  expect(publicSettingsOf({})).toEqual({ enabled: false, defaultPublicKinds: [] });
  expect(publicSettingsOf({ public: { enabled: true, defaultPublicKinds: ['AidDelivered', 'Nonsense'] } })).toEqual({
    enabled: true,
    defaultPublicKinds: ['AidDelivered'],
  });
  expect(
    checkPublicSettings({ enabled: 'yes', defaultPublicKinds: ['AidDelivered', 'EntryCorrected'], extra: 1 }).map((e) => e.field),
  ).toEqual(['extra', 'enabled', 'defaultPublicKinds[1]']);
});

it('chooses the language from ?lang=, then Accept-Language, among the organisation’s', () => {
  expect(chooseLanguage('uk', 'de', ['en', 'de', 'uk'])).toBe('uk');
  expect(chooseLanguage(undefined, 'fr;q=0.9, de-AT;q=0.8, en;q=0.1', ['en', 'de', 'uk'])).toBe('de');
  expect(chooseLanguage('uk', 'uk', ['de', 'en'])).toBe('de');
  expect(chooseLanguage(undefined, undefined, ['pl'])).toBe('en');
});
