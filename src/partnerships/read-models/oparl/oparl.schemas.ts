// The OParl 1.1 objects and list pages this service serves, as OpenAPI schemas: the fields of the
// official schemas (https://schema.oparl.org/1.1/) that the mapping fills, with their types and
// formats; mirrors oparl.types.ts (checked at the end). Objects that are gone are served as
// tombstones (deleted: true) with only id, type, created and modified (an AgendaItem keeps order),
// so a field the standard does not require is optional here even where live objects always carry it.
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  OPARL_SCHEMA,
  typeUri,
  type OParlAgendaItem,
  type OParlBody,
  type OParlConsultation,
  type OParlMeeting,
  type OParlOrganization,
  type OParlPaper,
  type OParlSystem,
  type OParlType,
} from './oparl.types.js';
import type { OParlListPage } from './oparl.list.js';
import { ClassProperty, Schema, type AllTrue, type Mirrors } from '../../../shared/schema.js';

const ROOT = 'https://ledger.example.org/oparl/v1.1';
const BODY = `${ROOT}/body/municipality`;
const CREATED = '2023-01-10T09:12:00.000Z';
const MODIFIED = '2023-02-09T16:40:00.000Z';
const STAMPS = { created: CREATED, modified: MODIFIED };

const url = (description: string, example: string) => ({ format: 'uri', description, example });
/** The one `type` an object of this OParl type carries. */
const typeOf = (t: OParlType) => ({ enum: [typeUri(t)], example: typeUri(t), description: 'the OParl type (a schema URL)' });

/** The fields every OParl object may have; `id` is its URL, and each subclass names its `type`. */
abstract class OParlCommonSchema {
  @ApiProperty(url('the URL of the object; GET it to read the object', `${ROOT}/paper/90dd31f0-7c75-5689-ba64-2ae5082a0107`)) id: string;
  @ApiPropertyOptional({ format: 'date-time', example: CREATED, description: 'when the object was first recorded' }) created?: string;
  @ApiPropertyOptional({ format: 'date-time', example: MODIFIED, description: 'when it last changed (also when it was deleted)' })
  modified?: string;
  @ApiPropertyOptional(url('the licence of the data (OPARL_LICENSE)', 'https://creativecommons.org/licenses/by/4.0/')) license?: string;
  @ApiPropertyOptional({ type: [String], example: ['partnership'] }) keyword?: string[];
  @ApiPropertyOptional(url('the same object on a web page', 'https://ledger.example.org/')) web?: string;
  @ApiPropertyOptional({ example: true, description: 'true: the object is gone (a tombstone); absent otherwise' }) deleted?: boolean;
}

const SYSTEM = {
  id: `${ROOT}/system`,
  type: typeUri('System'),
  oparlVersion: OPARL_SCHEMA,
  body: `${ROOT}/body`,
  name: 'Partnership Ledger',
  contactEmail: 'international@example.org',
  ...STAMPS,
};

@Schema({ name: 'OParlSystem', description: 'The OParl System: the entry point (also at /oparl/v1.1).', example: SYSTEM })
export class OParlSystemSchema extends OParlCommonSchema implements OParlSystem {
  @ApiProperty({ ...typeOf('System') }) type: string;
  @ApiProperty({ enum: [OPARL_SCHEMA], example: OPARL_SCHEMA, description: 'the OParl version served' }) oparlVersion: string;
  @ApiProperty(url('the list of bodies', SYSTEM.body)) body: string;
  @ApiPropertyOptional({ example: SYSTEM.name, description: 'OPARL_SYSTEM_NAME' }) name?: string;
  @ApiPropertyOptional({ format: 'email', example: SYSTEM.contactEmail, description: 'OPARL_CONTACT_EMAIL' }) contactEmail?: string;
  @ApiPropertyOptional({ example: 'Office for International Relations' }) contactName?: string;
  @ApiPropertyOptional(url('the web site of the system', 'https://ledger.example.org/')) website?: string;
  @ApiPropertyOptional(url('the vendor of the software', 'https://ledger.example.org/')) vendor?: string;
  @ApiPropertyOptional(url('the software', 'https://ledger.example.org/')) product?: string;
}

const list = (name: string) => `${BODY}/${name}`;
const BODY_OBJECT = {
  id: BODY,
  type: typeUri('Body'),
  system: `${ROOT}/system`,
  name: 'Stadt Dortmund',
  ags: '05913000',
  organization: list('organization'),
  person: list('person'),
  meeting: list('meeting'),
  paper: list('paper'),
  legislativeTerm: [],
  agendaItem: list('agendaitem'),
  consultation: list('consultation'),
  file: list('file'),
  locationList: list('locationlist'),
  legislativeTermList: list('legislativetermlist'),
  membership: list('membership'),
  mainOrganization: `${ROOT}/organization/city-council`,
  ...STAMPS,
};

@Schema({
  name: 'OParlBody',
  description:
    'The OParl Body: the municipality, with the URLs of its lists (person, file, location, term and membership lists are empty: the ledger holds none).',
  example: BODY_OBJECT,
})
export class OParlBodySchema extends OParlCommonSchema implements OParlBody {
  @ApiProperty({ ...typeOf('Body') }) type: string;
  @ApiProperty(url('the System', BODY_OBJECT.system)) system: string;
  @ApiProperty({ example: BODY_OBJECT.name, description: 'OPARL_BODY_NAME, else the own municipality the partnerships name most' })
  name: string;
  @ApiPropertyOptional({ example: 'Dortmund', description: 'OPARL_BODY_SHORT_NAME' }) shortName?: string;
  @ApiPropertyOptional(url('OPARL_BODY_WEBSITE', 'https://www.dortmund.de/')) website?: string;
  @ApiPropertyOptional({ example: '05913000', description: 'Amtlicher Gemeindeschlüssel (OPARL_BODY_AGS)' }) ags?: string;
  @ApiPropertyOptional({ example: '059130000000', description: 'Regionalschlüssel' }) rgs?: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'string', format: 'uri' }, example: ['https://www.wikidata.org/wiki/Q1295'] })
  equivalent?: string[];
  @ApiPropertyOptional({ example: 'Kreisfreie Stadt' }) classification?: string;
  @ApiPropertyOptional({ format: 'date-time', example: '2023-01-01T00:00:00+01:00' }) oparlSince?: string;
  @ApiPropertyOptional({ format: 'date-time', example: '2023-01-01T00:00:00+01:00' }) licenseValidSince?: string;
  @ApiProperty(url('the list of organizations', BODY_OBJECT.organization)) organization: string;
  @ApiProperty(url('the list of persons (empty)', BODY_OBJECT.person)) person: string;
  @ApiProperty(url('the list of meetings', BODY_OBJECT.meeting)) meeting: string;
  @ApiProperty(url('the list of papers', BODY_OBJECT.paper)) paper: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    maxItems: 0,
    example: [],
    description: 'legislative terms: none (the ledger records no terms)',
  })
  legislativeTerm: never[];
  @ApiProperty(url('the list of agenda items', BODY_OBJECT.agendaItem)) agendaItem: string;
  @ApiProperty(url('the list of consultations', BODY_OBJECT.consultation)) consultation: string;
  @ApiProperty(url('the list of files (empty)', BODY_OBJECT.file)) file: string;
  @ApiProperty(url('the list of locations (empty)', BODY_OBJECT.locationList)) locationList: string;
  @ApiProperty(url('the list of legislative terms (empty)', BODY_OBJECT.legislativeTermList)) legislativeTermList: string;
  @ApiProperty(url('the list of memberships (empty)', BODY_OBJECT.membership)) membership: string;
  @ApiPropertyOptional(url('the council, once a council decision is recorded', BODY_OBJECT.mainOrganization)) mainOrganization?: string;
}

const ORGANIZATION = {
  id: `${ROOT}/organization/city-council`,
  type: typeUri('Organization'),
  body: BODY,
  name: 'City Council',
  organizationType: 'Gremium',
  classification: 'Parlament',
  ...STAMPS,
};

@Schema({
  name: 'OParlOrganization',
  description: 'A body that deals with papers: the council, a committee, the administrative board.',
  example: ORGANIZATION,
})
class OParlOrganizationSchema extends OParlCommonSchema implements OParlOrganization {
  @ApiProperty({ ...typeOf('Organization') }) type: string;
  @ApiPropertyOptional(url('the Body', BODY)) body?: string;
  @ApiPropertyOptional({ example: ORGANIZATION.name }) name?: string;
  @ApiPropertyOptional({ example: 'Gremium' }) organizationType?: string;
  @ApiPropertyOptional({ example: 'Parlament', description: 'Parlament, Ausschuss, Hauptorgan …' }) classification?: string;
}

const MEETING_ID = `${ROOT}/meeting/city-council--2023-02-09`;
const CONSULTATION_ID = `${ROOT}/consultation/0470f5a5-63b8-58e3-a264-ff555ac2966f`;
const PAPER_ID = `${ROOT}/paper/90dd31f0-7c75-5689-ba64-2ae5082a0107`;
const AGENDA_ITEM = {
  id: `${ROOT}/agendaitem/0470f5a5-63b8-58e3-a264-ff555ac2966f`,
  type: typeUri('AgendaItem'),
  meeting: MEETING_ID,
  order: 0,
  name: 'Solidarity partnership with Zhytomyr, expandable to official twinning',
  consultation: CONSULTATION_ID,
  result: 'beschlossen',
  ...STAMPS,
};

@Schema({ name: 'OParlAgendaItem', description: 'An item on a meeting’s agenda: the consultation of a paper.', example: AGENDA_ITEM })
class OParlAgendaItemSchema extends OParlCommonSchema implements OParlAgendaItem {
  @ApiProperty({ ...typeOf('AgendaItem') }) type: string;
  @ApiPropertyOptional(url('the Meeting', MEETING_ID)) meeting?: string;
  @ApiProperty({ type: 'integer', example: 0, description: 'the position on the agenda (kept on a tombstone: OParl requires it)' })
  order: number;
  @ApiPropertyOptional({ example: AGENDA_ITEM.name }) name?: string;
  @ApiPropertyOptional(url('the Consultation', CONSULTATION_ID)) consultation?: string;
  @ApiPropertyOptional({ example: 'beschlossen' }) result?: string;
  @ApiPropertyOptional({ example: 'The council adopts the solidarity partnership.' }) resolutionText?: string;
}

const MEETING = {
  id: MEETING_ID,
  type: typeUri('Meeting'),
  name: 'City Council, 9. Februar 2023',
  meetingState: 'durchgeführt',
  start: '2023-02-09T00:00:00+01:00',
  organization: [ORGANIZATION.id],
  agendaItem: [AGENDA_ITEM],
  ...STAMPS,
};

@Schema({ name: 'OParlMeeting', description: 'A meeting of an organization, with its agenda items embedded.', example: MEETING })
class OParlMeetingSchema extends OParlCommonSchema implements OParlMeeting {
  @ApiProperty({ ...typeOf('Meeting') }) type: string;
  @ApiPropertyOptional({ example: MEETING.name }) name?: string;
  @ApiPropertyOptional({ example: 'durchgeführt', description: 'terminiert (planned) or durchgeführt (held)' }) meetingState?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    example: MEETING.start,
    description: 'the start of the meeting day (absent when only the month or year is known)',
  })
  start?: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'string', format: 'uri' }, example: MEETING.organization }) organization?: string[];
  @ClassProperty(() => OParlAgendaItemSchema, { isArray: true, required: false, description: 'live items first, then tombstones' })
  agendaItem?: OParlAgendaItem[];
}

const CONSULTATION = {
  id: CONSULTATION_ID,
  type: typeUri('Consultation'),
  paper: PAPER_ID,
  agendaItem: AGENDA_ITEM.id,
  meeting: MEETING_ID,
  organization: [ORGANIZATION.id],
  authoritative: true,
  role: 'Entscheidung',
  ...STAMPS,
};

@Schema({ name: 'OParlConsultation', description: 'One organization’s consultation of a paper.', example: CONSULTATION })
class OParlConsultationSchema extends OParlCommonSchema implements OParlConsultation {
  @ApiProperty({ ...typeOf('Consultation') }) type: string;
  @ApiPropertyOptional(url('the Paper', PAPER_ID)) paper?: string;
  @ApiPropertyOptional(url('the AgendaItem (absent when no meeting date is known)', AGENDA_ITEM.id)) agendaItem?: string;
  @ApiPropertyOptional(url('the Meeting (absent when no meeting date is known)', MEETING_ID)) meeting?: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'string', format: 'uri' }, example: CONSULTATION.organization })
  organization?: string[];
  @ApiPropertyOptional({ example: true, description: 'true: this consultation decides the paper' }) authoritative?: boolean;
  @ApiPropertyOptional({ example: 'Entscheidung', description: 'Vorberatung or Entscheidung' }) role?: string;
}

const PAPER = {
  id: PAPER_ID,
  type: typeUri('Paper'),
  body: BODY,
  name: 'Solidarity partnership with Zhytomyr, expandable to official twinning',
  reference: 'DS 2022-0001',
  paperType: 'Beschlussvorlage',
  consultation: [CONSULTATION],
  ...STAMPS,
};

@Schema({ name: 'OParlPaper', description: 'A draft resolution, with its consultations embedded.', example: PAPER })
class OParlPaperSchema extends OParlCommonSchema implements OParlPaper {
  @ApiProperty({ ...typeOf('Paper') }) type: string;
  @ApiPropertyOptional(url('the Body', BODY)) body?: string;
  @ApiPropertyOptional({ example: PAPER.name }) name?: string;
  @ApiPropertyOptional({ example: 'DS 2022-0001' }) reference?: string;
  @ApiPropertyOptional({ format: 'date', example: '2022-12-01' }) date?: string;
  @ApiPropertyOptional({ example: 'Beschlussvorlage' }) paperType?: string;
  @ClassProperty(() => OParlConsultationSchema, {
    isArray: true,
    required: false,
    description: 'live consultations first, then tombstones',
  })
  consultation?: OParlConsultation[];
}

/** The objects a Body list or an object URL may hold; `type` tells which one. */
export const OPARL_OBJECT_SCHEMAS = [
  OParlOrganizationSchema,
  OParlMeetingSchema,
  OParlPaperSchema,
  OParlAgendaItemSchema,
  OParlConsultationSchema,
];
export const oneOParlObject = () => ({ oneOf: OPARL_OBJECT_SCHEMAS.map((s) => ({ $ref: getSchemaPath(s) })) });

const PAGINATION = { totalElements: 2, elementsPerPage: 1, currentPage: 1, totalPages: 2 };

@Schema({ name: 'OParlPagination', example: PAGINATION })
export class OParlPaginationSchema {
  @ApiProperty({ type: 'integer', minimum: 0, example: 2 }) totalElements: number;
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 }) elementsPerPage: number;
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 }) currentPage: number;
  @ApiProperty({ type: 'integer', minimum: 1, example: 2 }) totalPages: number;
}

const LINKS = {
  first: `${list('paper')}?elementsPerPage=1`,
  self: `${list('paper')}?elementsPerPage=1`,
  next: `${list('paper')}?elementsPerPage=1&page=2`,
  last: `${list('paper')}?elementsPerPage=1&page=2`,
};

@Schema({
  name: 'OParlListLinks',
  description: 'Page links; they keep the filters and elementsPerPage of the request. No prev on the first page, no next on the last.',
  example: LINKS,
})
export class OParlListLinksSchema {
  @ApiProperty(url('the first page', LINKS.first)) first: string;
  @ApiPropertyOptional(url('the previous page', LINKS.first)) prev?: string;
  @ApiProperty(url('this page', LINKS.self)) self: string;
  @ApiPropertyOptional(url('the next page', LINKS.next)) next?: string;
  @ApiProperty(url('the last page', LINKS.last)) last: string;
}

@Schema({
  name: 'OParlBodyList',
  description: 'The list of bodies (System.body): one per organisation the reader may read.',
  example: {
    data: [BODY_OBJECT],
    pagination: { totalElements: 1, elementsPerPage: 100, currentPage: 1, totalPages: 1 },
    links: { first: `${ROOT}/body`, self: `${ROOT}/body`, last: `${ROOT}/body` },
  },
})
export class OParlBodyListSchema {
  @ClassProperty(() => OParlBodySchema, { isArray: true }) data: OParlBody[];
  @ClassProperty(() => OParlPaginationSchema) pagination: OParlPaginationSchema;
  @ClassProperty(() => OParlListLinksSchema) links: OParlListLinksSchema;
}

type BodyListObject = OParlOrganization | OParlMeeting | OParlPaper | OParlAgendaItem | OParlConsultation;

@Schema({
  name: 'OParlObjectList',
  description:
    "One page of a Body's list, sorted by id; deleted objects are listed as tombstones. The person, file, location, term and membership lists are always empty.",
  example: { data: [PAPER], pagination: PAGINATION, links: LINKS },
})
export class OParlObjectListSchema {
  @ApiProperty({ type: 'array', items: oneOParlObject(), description: 'objects of the type the list is for' }) data: BodyListObject[];
  @ClassProperty(() => OParlPaginationSchema) pagination: OParlPaginationSchema;
  @ClassProperty(() => OParlListLinksSchema) links: OParlListLinksSchema;
}

type _OParlSchemasMirror = AllTrue<
  [
    Mirrors<OParlSystemSchema, OParlSystem>,
    Mirrors<OParlBodySchema, OParlBody>,
    Mirrors<OParlOrganizationSchema, OParlOrganization>,
    Mirrors<OParlAgendaItemSchema, OParlAgendaItem>,
    Mirrors<OParlMeetingSchema, OParlMeeting>,
    Mirrors<OParlConsultationSchema, OParlConsultation>,
    Mirrors<OParlPaperSchema, OParlPaper>,
    Mirrors<OParlPaginationSchema, OParlListPage<OParlBody>['pagination']>,
    Mirrors<OParlListLinksSchema, OParlListPage<OParlBody>['links']>,
    Mirrors<OParlBodyListSchema, OParlListPage<OParlBody>>,
    Mirrors<OParlObjectListSchema, OParlListPage<BodyListObject>>,
  ]
>;
