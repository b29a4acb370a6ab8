// Every object the mapping produces is validated against the official OParl 1.1 JSON schemas
// (loaded as test/support/oparl-schemas.mjs explains), and every URL it references must resolve to
// an object of the referenced type among the objects produced.
import { loadOParlValidator, OFFICIAL_EXAMPLES, officialExample } from '../../../../test/support/oparl-schemas.mjs';
import { DEMO_PARTNERSHIP_ID, DEMO_STEPS } from '../../demo/story.js';
import { parseBusinessDate } from '../../domain/index.js';
import type { TimelineEntry } from '../timeline/timeline.types.js';
import { BODY_LISTS, oparlUrls, type OParlConfig } from './oparl.config.js';
import { organizationKey } from './oparl.drafts.js';
import { mapToOParl, oparlRows } from './oparl.mapping.js';
import { matchesOParlFilters } from './oparl.list.js';
import type { OParlAgendaItem, OParlConsultation, OParlMeeting, OParlObjects, OParlPaper } from './oparl.types.js';

const BASE = 'https://partnerships.example.org';
const CONFIG: OParlConfig = {
  baseUrl: BASE,
  system: { name: 'Partnership Ledger', license: 'https://creativecommons.org/licenses/by/4.0/' },
  body: { key: 'dortmund', name: 'Stadt Dortmund', shortName: 'Dortmund', ags: '05913000' },
  councilName: 'City Council',
};
const ROOT = `${BASE}/oparl/v1.1`;
const validator = loadOParlValidator({ forbidUnknownProperties: true });

/** A timeline entry as the read side returns it. */
function entry(
  type: string,
  data: Record<string, unknown>,
  o: Partial<TimelineEntry> & { eventId: string; recordedAt: string },
): TimelineEntry {
  const occurredOn =
    typeof data.occurredOn === 'string' ? parseBusinessDate(data.occurredOn) : (data.occurredOn as TimelineEntry['occurredOn']);
  const meetingDate = typeof data.meetingDate === 'string' ? { meetingDate: parseBusinessDate(data.meetingDate) } : {};
  const d: Record<string, unknown> = { ...data, occurredOn, ...meetingDate };
  return {
    partnershipId: DEMO_PARTNERSHIP_ID,
    streamVersion: 1,
    type,
    occurredOn,
    planned: d.planned === true,
    data: d,
    corrections: [],
    corrected: false,
    retracted: false,
    retraction: null,
    actor: 'Office for International Relations',
    ...o,
  };
}

// The demo seed's consultation milestones (docs/domain.md), with the record times of a plausible office.
const TYPE_OF: Record<string, string> = {
  '06-draft-resolution': 'DraftResolutionPrepared',
  '07-board-review': 'BoardReviewed',
  '08-committee-referral': 'ReferredToCommittee',
  '10-council-decision': 'CouncilDecided',
  '14-twinning-draft': 'DraftResolutionPrepared',
  '15-twinning-decision': 'CouncilDecided',
};
const RECORDED: Record<string, string> = {
  '06-draft-resolution': '2022-12-14T09:30:00.000Z',
  '07-board-review': '2023-01-11T08:00:00.000Z',
  '08-committee-referral': '2023-01-11T08:05:00.000Z',
  '10-council-decision': '2023-02-10T07:45:00.000Z',
  '14-twinning-draft': '2025-03-03T10:00:00.000Z',
  '15-twinning-decision': '2025-05-20T12:00:00.000Z',
};
const story: TimelineEntry[] = DEMO_STEPS.filter((s) => TYPE_OF[s.key]).map((s, i) =>
  entry(TYPE_OF[s.key], s.data, { eventId: `ev-${s.key}`, recordedAt: RECORDED[s.key], streamVersion: i + 1 }),
);
const id = (key: string) => `ev-${key}`;

function everyObject(o: OParlObjects) {
  return [
    ['System', o.system],
    ['Body', o.body],
    ...o.organizations.map((x) => ['Organization', x] as const),
    ...o.meetings.map((x) => ['Meeting', x] as const),
    ...o.agendaItems.map((x) => ['AgendaItem', x] as const),
    ...o.papers.map((x) => ['Paper', x] as const),
    ...o.consultations.map((x) => ['Consultation', x] as const),
  ] as [string, { id: string; type: string }][];
}

/** Validates every object and checks that no reference dangles. */
function expectValidOParl(o: OParlObjects): void {
  const start = validator.references.length;
  for (const [type, obj] of everyObject(o)) {
    expect({ type, id: obj.id, errors: validator.validate(type, obj) }).toEqual({ type, id: obj.id, errors: [] });
    expect(obj.type).toBe(`https://schema.oparl.org/1.1/${type}`);
    expect(obj.id.startsWith(`${ROOT}/`)).toBe(true);
  }
  const known = new Map(everyObject(o).map(([type, obj]) => [obj.id, type]));
  const lists = new Set([o.system.body, ...BODY_LISTS.map((l) => (o.body as unknown as Record<string, string>)[l])]);
  const dangling = validator.references
    .slice(start)
    .filter((r) => (r.target === 'externalList' ? !lists.has(r.url) : known.get(r.url) !== r.target));
  expect(dangling).toEqual([]);
  expect(validator.references.length).toBeGreaterThan(start);
}

const byName = <T extends { name?: string }>(xs: T[], name: string) => {
  const found = xs.find((x) => x.name === name);
  if (!found) throw new Error(`nothing named ${name}`);
  return found;
};

describe('OParl 1.1 mapping of the Dortmund–Zhytomyr history', () => {
  const o = mapToOParl(story, CONFIG);

  it('produces objects that are valid against the official schemas, with no dangling reference', () => {
    expectValidOParl(o);
  });

  it('publishes the solidarity draft resolution as a Paper with its consultations in board, committee and council', () => {
    const paper = o.papers.find((p) => p.reference === 'DS 2022-0001')!;
    expect(paper).toMatchObject({
      id: `${ROOT}/paper/${id('06-draft-resolution')}`,
      body: `${ROOT}/body/dortmund`,
      name: 'Solidarity partnership with Zhytomyr, expandable to official twinning',
      paperType: 'Beschlussvorlage',
      created: RECORDED['06-draft-resolution'],
      // the paper changes whenever a consultation embedded in it does
      modified: RECORDED['10-council-decision'],
    });
    // drafted in December 2022, known to the month: no invented day
    expect(paper.date).toBeUndefined();

    const org = (name: string) => `${ROOT}/organization/${organizationKey(name)}`;
    expect(paper.consultation!.map((c) => [c.organization, c.meeting ?? null, c.role, c.authoritative])).toEqual([
      [[org('Verwaltungsvorstand')], `${ROOT}/meeting/verwaltungsvorstand--2023-01-10`, 'Vorberatung', false],
      // referred to committee on 10 January 2023 without a meeting date: a consultation without a meeting yet
      [[org('council committee')], null, 'Vorberatung', false],
      [[org('City Council')], `${ROOT}/meeting/city-council--2023-02-09`, 'Entscheidung', true],
    ]);
    for (const c of paper.consultation!) expect(c.paper).toBe(paper.id);
    expect(o.consultations.filter((c) => c.paper === paper.id)).toEqual(paper.consultation);
  });

  it('holds the board meeting of 10 January 2023 and the council meeting of 9 February 2023, each with its agenda item', () => {
    const board = o.meetings.find((m) => m.id === `${ROOT}/meeting/verwaltungsvorstand--2023-01-10`)!;
    expect(board).toMatchObject({
      name: 'Verwaltungsvorstand, 10. Januar 2023',
      meetingState: 'durchgeführt',
      // the ledger knows the day, not the hour: local midnight in Dortmund (CET in January)
      start: '2023-01-10T00:00:00+01:00',
      organization: [`${ROOT}/organization/verwaltungsvorstand`],
    });
    expect(board.agendaItem!.map((a) => [a.order, a.name, a.result, a.consultation])).toEqual([
      [
        0,
        'Solidarity partnership with Zhytomyr, expandable to official twinning',
        'zugestimmt',
        `${ROOT}/consultation/${id('07-board-review')}`,
      ],
    ]);
    const council = o.meetings.find((m) => m.id === `${ROOT}/meeting/city-council--2023-02-09`)!;
    expect(council).toMatchObject({
      name: 'City Council, 9. Februar 2023',
      start: '2023-02-09T00:00:00+01:00',
      meetingState: 'durchgeführt',
    });
    expect(council.agendaItem!.map((a) => a.result)).toEqual(['beschlossen']);
    // the agenda items are also objects of their own (Body.agendaItem lists them)
    expect(o.agendaItems.map((a) => a.id).sort()).toEqual(o.meetings.flatMap((m) => m.agendaItem!.map((a) => a.id)).sort());
  });

  it('names the bodies as organizations, the council as the main one; the twinning decision known to the month has no start time', () => {
    expect(o.organizations.map((x) => [x.name, x.organizationType, x.classification])).toEqual([
      ['City Council', 'Gremium', 'Parlament'],
      ['council committee', 'Gremium', 'Ausschuss'],
      ['Verwaltungsvorstand', 'Verwaltungsbereich', 'Verwaltungsvorstand'],
    ]);
    expect(o.body.mainOrganization).toBe(`${ROOT}/organization/city-council`);
    const may = o.meetings.find((m) => m.id === `${ROOT}/meeting/city-council--2025-05`)!;
    expect(may.name).toBe('City Council, Mai 2025');
    expect(may.start).toBeUndefined();
    expect(byName(o.papers, 'Official twinning with Zhytomyr').consultation!.map((c) => c.meeting)).toEqual([may.id]);
  });

  it('gives System and Body every list OParl 1.1 requires', () => {
    expect(o.system).toMatchObject({ id: `${ROOT}/system`, oparlVersion: 'https://schema.oparl.org/1.1/', body: `${ROOT}/body` });
    expect(o.body).toMatchObject({
      system: `${ROOT}/system`,
      paper: `${ROOT}/body/dortmund/paper`,
      agendaItem: `${ROOT}/body/dortmund/agendaitem`,
      legislativeTermList: `${ROOT}/body/dortmund/legislativetermlist`,
      legislativeTerm: [],
      created: RECORDED['06-draft-resolution'],
      modified: RECORDED['15-twinning-decision'],
    });
  });
});

describe('OParl mapping rules', () => {
  const draft = entry(
    'DraftResolutionPrepared',
    { occurredOn: '2024-03-04', paperReference: 'DS 2024-0100', title: 'Partnership with Lviv' },
    {
      eventId: 'd1',
      recordedAt: '2024-03-04T10:00:00.000Z',
      partnershipId: 'dortmund-lviv',
    },
  );

  it('shows a planned meeting as scheduled, without a result, and merges a referral with the committee decision it led to', () => {
    const o = mapToOParl(
      [
        draft,
        entry(
          'BoardReviewed',
          { occurredOn: '2024-04-02', body: 'Verwaltungsvorstand', planned: true, paperReference: 'DS 2024-0100' },
          {
            eventId: 'b1',
            recordedAt: '2024-03-05T10:00:00.000Z',
            partnershipId: 'dortmund-lviv',
          },
        ),
        entry(
          'ReferredToCommittee',
          { occurredOn: '2024-03-20', committee: 'Ausschuss für Bürgerdienste', meetingDate: '2024-05-14' },
          {
            eventId: 'r1',
            recordedAt: '2024-03-21T10:00:00.000Z',
            partnershipId: 'dortmund-lviv',
          },
        ),
        entry(
          'CommitteeDecided',
          {
            occurredOn: '2024-05-14',
            committee: 'Ausschuss für Bürgerdienste',
            outcome: 'adopted',
            resolutionText: 'Der Ausschuss beschließt.',
          },
          {
            eventId: 'c1',
            recordedAt: '2024-05-15T10:00:00.000Z',
            partnershipId: 'dortmund-lviv',
          },
        ),
      ],
      CONFIG,
    );
    expectValidOParl(o);
    const planned = o.meetings.find((m) => m.id.endsWith('/verwaltungsvorstand--2024-04-02'))!;
    expect(planned.meetingState).toBe('terminiert');
    expect(planned.agendaItem![0].result).toBeUndefined();

    const committee = `${ROOT}/organization/ausschuss-fuer-buergerdienste`;
    const ours = o.consultations.filter((c) => c.organization?.includes(committee));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({
      id: `${ROOT}/consultation/r1`,
      meeting: `${ROOT}/meeting/ausschuss-fuer-buergerdienste--2024-05-14`,
      role: 'Entscheidung',
      authoritative: true,
      created: '2024-03-21T10:00:00.000Z',
      modified: '2024-05-15T10:00:00.000Z',
    });
    const item = o.agendaItems.find((a) => a.id === `${ROOT}/agendaitem/r1`)!;
    expect(item).toMatchObject({ result: 'beschlossen', resolutionText: 'Der Ausschuss beschließt.', name: 'Partnership with Lviv' });
  });

  it('turns a retracted entry into tombstones and updates the objects that embedded it', () => {
    const retractedAt = '2023-03-01T09:00:00.000Z';
    const entries = story.map((e) =>
      e.eventId === id('10-council-decision')
        ? {
            ...e,
            retracted: true,
            retraction: { eventId: 'x1', reason: 'recorded for the wrong partnership', recordedAt: retractedAt, actor: null },
          }
        : e,
    );
    const o = mapToOParl(entries, CONFIG);
    expectValidOParl(o);

    const consultation = o.consultations.find((c) => c.id === `${ROOT}/consultation/${id('10-council-decision')}`)!;
    expect(consultation).toEqual({
      id: `${ROOT}/consultation/${id('10-council-decision')}`,
      type: 'https://schema.oparl.org/1.1/Consultation',
      created: RECORDED['10-council-decision'],
      modified: retractedAt,
      deleted: true,
    });
    const item = o.agendaItems.find((a) => a.id === `${ROOT}/agendaitem/${id('10-council-decision')}`)!;
    expect(item).toMatchObject({ deleted: true, modified: retractedAt, order: 0 });
    expect(Object.keys(item).sort()).toEqual(['created', 'deleted', 'id', 'modified', 'order', 'type']);
    // the meeting had nothing else on its agenda: gone too
    expect(o.meetings.find((m) => m.id === `${ROOT}/meeting/city-council--2023-02-09`)).toMatchObject({
      deleted: true,
      modified: retractedAt,
    });

    const paper = o.papers.find((p) => p.reference === 'DS 2022-0001')!;
    expect(paper.deleted).toBeUndefined();
    expect(paper.modified).toBe(retractedAt);
    expect(paper.consultation!.map((c) => [c.id.split('/').at(-1), c.deleted ?? false])).toEqual([
      [id('07-board-review'), false],
      [id('08-committee-referral'), false],
      [id('10-council-decision'), true],
    ]);

    // an incremental sync over the day of the retraction sees exactly what it changed
    const window = { modified_since: '2023-03-01T00:00:00+01:00', modified_until: '2023-03-01T23:59:59+01:00' };
    const changed = oparlRows(o).filter((r) => matchesOParlFilters(r, window));
    expect(changed.map((r) => `${r.type}:${r.localId}:${r.deleted}`).sort()).toEqual([
      `AgendaItem:${id('10-council-decision')}:true`,
      `Consultation:${id('10-council-decision')}:true`,
      'Meeting:city-council--2023-02-09:true',
      `Paper:${id('06-draft-resolution')}:false`,
    ]);
  });

  it('keeps a tombstone for what a correction renamed away', () => {
    const correctedAt = '2023-01-12T12:00:00.000Z';
    const entries = story.map((e) =>
      e.eventId === id('07-board-review')
        ? {
            ...e,
            original: { ...e.data, body: 'Verwaltungsvorstnad' },
            corrected: true,
            corrections: [
              {
                eventId: 'k1',
                reason: 'typo',
                changes: { body: 'Verwaltungsvorstand' },
                previous: { body: 'Verwaltungsvorstnad' },
                recordedAt: correctedAt,
                actor: null,
                retracted: false,
              },
            ],
          }
        : e,
    );
    const o = mapToOParl(entries, CONFIG);
    expectValidOParl(o);
    expect(o.organizations.find((x) => x.id.endsWith('/verwaltungsvorstnad'))).toMatchObject({ deleted: true, modified: correctedAt });
    expect(o.meetings.find((m) => m.id.endsWith('/verwaltungsvorstnad--2023-01-10'))).toMatchObject({ deleted: true });
    expect(o.meetings.find((m) => m.id.endsWith('/verwaltungsvorstand--2023-01-10'))).toMatchObject({ modified: correctedAt });
    expect(o.meetings.find((m) => m.id.endsWith('/verwaltungsvorstand--2023-01-10'))!.deleted).toBeUndefined();
  });

  it('has stable ids: the same objects whatever the input order; two partnerships share the council meeting', () => {
    const lviv = [
      draft,
      entry(
        'CouncilDecided',
        { occurredOn: '2023-02-09', body: 'city  council', outcome: 'deferred', paperReference: 'DS 2024-0100' },
        {
          eventId: 'l2',
          recordedAt: '2023-02-10T08:00:00.000Z',
          partnershipId: 'dortmund-lviv',
        },
      ),
    ];
    const a = mapToOParl([...story, ...lviv], CONFIG);
    const b = mapToOParl([...lviv, ...story].reverse(), CONFIG);
    expect(b).toEqual(a);
    expectValidOParl(a);
    const council = a.meetings.find((m) => m.id === `${ROOT}/meeting/city-council--2023-02-09`)!;
    expect(council.agendaItem!.map((i: OParlAgendaItem) => [i.order, i.name, i.result])).toEqual([
      [0, 'Solidarity partnership with Zhytomyr, expandable to official twinning', 'beschlossen'],
      [1, 'Partnership with Lviv', 'vertagt'],
    ]);
    // a deferral takes no resolution
    expect(a.consultations.find((c: OParlConsultation) => c.id.endsWith('/l2'))!.authoritative).toBe(false);
    expect(new Set(oparlRows(a).map((r) => `${r.type}|${r.id}`)).size).toBe(oparlRows(a).length);
  });

  it('mints absolute URL ids from the configured base and refuses a base that is not one', () => {
    expect(oparlUrls({ ...CONFIG, baseUrl: 'https://example.org/ledger/' }).object('Paper', 'a b')).toBe(
      'https://example.org/ledger/oparl/v1.1/paper/a%20b',
    );
    expect(() => mapToOParl(story, { ...CONFIG, baseUrl: '/relative' })).toThrow(/absolute URL/);
    expect(() => mapToOParl(story, { ...CONFIG, baseUrl: 'https://example.org/?x=1' })).toThrow(/without query/);
  });

  it('uses the summer offset for a meeting in July', () => {
    const o = mapToOParl(
      [
        entry(
          'BoardReviewed',
          { occurredOn: '2025-07-01', body: 'Verwaltungsvorstand', outcome: 'approved' },
          { eventId: 's', recordedAt: '2025-07-02T08:00:00.000Z' },
        ),
      ],
      CONFIG,
    );
    expect((o.meetings[0] as OParlMeeting).start).toBe('2025-07-01T00:00:00+02:00');
    // without a paper the agenda item is named after the partnership
    expect(o.agendaItems[0].name).toBe(`Städtepartnerschaft ${DEMO_PARTNERSHIP_ID}`);
    expect(o.consultations[0].paper).toBeUndefined();
    expectValidOParl(o);
  });
});

describe('the OParl schema loader', () => {
  it('accepts the official examples; the only complaint is the Meeting example lacking `order`, which OParl 1.1 made required', () => {
    const loose = loadOParlValidator();
    const results = OFFICIAL_EXAMPLES.map((name) => [
      name,
      loose.validate(name.replace(/-\d+$/, ''), officialExample(name)).map((e) => `${e.instancePath} ${e.message}`),
    ]);
    expect(results).toEqual(
      OFFICIAL_EXAMPLES.map((name) => [name, name === 'Meeting-01' ? ["/agendaItem/0 must have required property 'order'"] : []]),
    );
  });

  it('rejects what the standard forbids: relative ids, wrong types, malformed embedded objects and dates', () => {
    const paper: OParlPaper = mapToOParl(story, CONFIG).papers[0];
    const errors = (o: unknown) => validator.validate('Paper', o).map((e) => `${e.instancePath} ${e.message}`);
    expect(errors({ ...paper, id: '/paper/1' })).toEqual(['/id must match format "url"']);
    expect(errors({ ...paper, type: 'https://schema.oparl.org/1.0/Paper' })).toEqual([
      '/type must match pattern "^https\\:\\/\\/schema\\.oparl\\.org\\/1\\.1\\/Paper$"',
    ]);
    expect(errors({ ...paper, consultation: [{ ...paper.consultation![0], authoritative: 'yes' }] })).toEqual([
      '/consultation/0/authoritative must be boolean',
    ]);
    expect(errors({ ...paper, modified: '2023-02-10 07:45' })).toEqual(['/modified must match format "date-time"']);
    expect(errors({ ...paper, organisation: 'typo' })).toEqual([' must NOT have additional properties']);
  });
});
