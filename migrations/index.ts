// Migrations are listed explicitly (not globbed) so the app, the CLI and the ESM test runner load
// the same classes without TypeORM's file loader.
import { EventStore1764000000000 } from './1764000000000-EventStore.js';
import { ApiKeys1764000001000 } from './1764000001000-ApiKeys.js';
import { ReadModels1764000002000 } from './1764000002000-ReadModels.js';
import { Reports1764000003000 } from './1764000003000-Reports.js';
import { ReportOutbox1764000007000 } from './1764000007000-ReportOutbox.js';

export const migrations = [
  EventStore1764000000000,
  ApiKeys1764000001000,
  ReadModels1764000002000,
  Reports1764000003000,
  ReportOutbox1764000007000,
];
