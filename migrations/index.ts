// Migrations are listed explicitly (not globbed) so the app, the CLI and the ESM test runner load
// the same classes without TypeORM's file loader.
import { EventStore1764000000000 } from './1764000000000-EventStore.js';
import { ApiKeys1764000001000 } from './1764000001000-ApiKeys.js';
import { ReadModels1764000002000 } from './1764000002000-ReadModels.js';
import { Reports1764000003000 } from './1764000003000-Reports.js';
import { PartnershipsReadModelsV21764000004000 } from './1764000004000-PartnershipsReadModelsV2.js';
import { ApiKeyLifecycle1764000005000 } from './1764000005000-ApiKeyLifecycle.js';
import { LedgerCheckpoints1764000006000 } from './1764000006000-LedgerCheckpoints.js';
import { ReportOutbox1764000007000 } from './1764000007000-ReportOutbox.js';
import { OParlObjects1764000008000 } from './1764000008000-OParlObjects.js';
import { IatiReports1764000009000 } from './1764000009000-IatiReports.js';
import { CalendarFeedTokens1764000010000 } from './1764000010000-CalendarFeedTokens.js';
import { PeopleAndSessions1764000011000 } from './1764000011000-PeopleAndSessions.js';
import { OutboxTraceContext1764000015000 } from './1764000015000-OutboxTraceContext.js';
import { Organisations1764000016000 } from './1764000016000-Organisations.js';
import { OrganisationData1764000017000 } from './1764000017000-OrganisationData.js';
import { AidReceipts1764000020000 } from './1764000020000-AidReceipts.js';
import { Notifications1764000030000 } from './1764000030000-Notifications.js';
import { Obligations1764000040000 } from './1764000040000-Obligations.js';
import { Places1764000050000 } from './1764000050000-Places.js';
import { PersonalData1764000060000 } from './1764000060000-PersonalData.js';
import { RowLevelSecurity1764000099000 } from './1764000099000-RowLevelSecurity.js';
import { EventsWriteAccess1764000110000 } from './1764000110000-EventsWriteAccess.js';

export const migrations = [
  EventStore1764000000000,
  ApiKeys1764000001000,
  ReadModels1764000002000,
  Reports1764000003000,
  PartnershipsReadModelsV21764000004000,
  ApiKeyLifecycle1764000005000,
  LedgerCheckpoints1764000006000,
  ReportOutbox1764000007000,
  OParlObjects1764000008000,
  IatiReports1764000009000,
  CalendarFeedTokens1764000010000,
  PeopleAndSessions1764000011000,
  OutboxTraceContext1764000015000,
  Organisations1764000016000,
  OrganisationData1764000017000,
  AidReceipts1764000020000,
  Notifications1764000030000,
  Obligations1764000040000,
  Places1764000050000,
  PersonalData1764000060000,
  // Row-level security on every table that holds an organisation's data by now; later migrations
  // protect the tables they make themselves.
  RowLevelSecurity1764000099000,
  EventsWriteAccess1764000110000,
];
