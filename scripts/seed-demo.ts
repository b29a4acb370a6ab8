// Records the Dortmund–Zhytomyr demo story through the command path: `npm run seed:demo`. Safe to re-run.
import 'reflect-metadata';
import type pg from 'pg';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { prepareInfrastructure } from '../src/bootstrap.js';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { DependencyUnavailableError } from '../src/config/database.js';
import { DEMO_PARTNER_EMAIL, demoPartnerKey, seedDemoOrganisations } from '../src/organisations/demo.js';
import { PG_POOL } from '../src/event-store/event-store.module.js';
import { seedDemo } from '../src/partnerships/demo/seed.js';

try {
  const config = loadConfig();
  const dataSource = await prepareInfrastructure(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, dataSource), { logger: ['error', 'warn'] });
  try {
    const report = await seedDemo(app, { log: (line) => process.stdout.write(`${line}\n`) });
    const last = report.steps[report.steps.length - 1]?.outcome.version ?? 0;
    process.stdout.write(
      report.recorded
        ? `\nRecorded ${report.recorded} events for partnership "${report.partnershipId}" (now at version ${last}).\n`
        : `\nNothing new: the story of "${report.partnershipId}" was already recorded (version ${last}).\n`,
    );
    // Two organisations share it: Dortmund owns it, Zhytomyr is linked as its partner.
    const pool = app.get<pg.Pool>(PG_POOL);
    const orgs = await seedDemoOrganisations(pool, report.partnershipId);
    const key = await demoPartnerKey(pool, orgs.partner);
    process.stdout.write(
      `\nOrganisations: ${orgs.owner.slug} (owner) and ${orgs.partner.slug} (partner${orgs.linked ? ', linked now' : ''}).\n` +
        `Zhytomyr office member (signs in with this e-mail at the IdP): ${DEMO_PARTNER_EMAIL}\n` +
        `Zhytomyr office key (shown once): ${key}\n`,
    );
  } finally {
    await app.close();
  }
} catch (err) {
  if (err instanceof ConfigError || err instanceof DependencyUnavailableError) {
    process.stderr.write(`\n${(err as Error).message}\n\n`);
    process.exit(1);
  }
  process.stderr.write(`Seeding failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
}
