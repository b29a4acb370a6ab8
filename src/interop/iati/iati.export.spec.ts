// The IATI settings as the export reads them: nothing exported without an organisation identifier.
import type pg from 'pg';
import { loadConfig } from '../../config/config.js';
import type { AidLedgerQueries } from '../../partnerships/read-models/aid-ledger/aid-ledger.queries.js';
import type { StatusQueries } from '../../partnerships/read-models/status/status.queries.js';
import { SystemClock } from '../../shared/clock.js';
import { IatiExport, IatiNotConfiguredError } from './iati.export.js';

// iatiConfig() reads the settings only; the queries are never called here.
const exportWith = (env: Record<string, string>) =>
  new IatiExport({} as pg.Pool, {} as StatusQueries, {} as AidLedgerQueries, new SystemClock(), loadConfig(env));

it('refuses to export without IATI_REPORTING_ORG_REF, saying which setting is missing', async () => {
  const iati = exportWith({});
  expect(() => iati.iatiConfig()).toThrow(IatiNotConfiguredError);
  expect(() => iati.iatiConfig()).toThrow(/IATI_REPORTING_ORG_REF/);
  await expect(iati.period({})).rejects.toBeInstanceOf(IatiNotConfiguredError);
});

it('builds the mapping settings from the environment, the identifier prefix defaulting to the organisation', () => {
  expect(
    exportWith({ IATI_REPORTING_ORG_REF: 'DE-GOV-05913000', IATI_REPORTING_ORG_NAME: '{"de":"Stadt Dortmund"}' }).iatiConfig(),
  ).toEqual({
    reportingOrg: { ref: 'DE-GOV-05913000', typeCode: '11', name: { de: 'Stadt Dortmund' } },
    activityIdPrefix: 'DE-GOV-05913000',
  });
  expect(
    exportWith({ IATI_REPORTING_ORG_REF: 'DE-GOV-05913000', IATI_ACTIVITY_ID_PREFIX: 'DE-GOV-05913000-P' }).iatiConfig(),
  ).toMatchObject({
    activityIdPrefix: 'DE-GOV-05913000-P',
  });
});

it('refuses malformed IATI settings at start, naming each', () => {
  let message = '';
  try {
    loadConfig({ IATI_REPORTING_ORG_NAME: '["Dortmund"]', IATI_REPORTING_ORG_TYPE: 'local' });
  } catch (err) {
    message = (err as Error).message;
  }
  expect(message).toMatch(/IATI_REPORTING_ORG_TYPE: must be a two-digit IATI OrganisationType code/);
  expect(message).toMatch(/IATI_REPORTING_ORG_NAME: must be a JSON object of language → name/);
});
