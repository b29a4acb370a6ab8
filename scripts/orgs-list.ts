// `npm run orgs:list`: see src/organisations/orgs-cli.ts (and --help).
import 'reflect-metadata';
import { runOrgsCli } from '../src/organisations/orgs-cli.js';

await runOrgsCli('list');
