// `npm run people:export`: see docs/privacy.md.
import 'reflect-metadata';
import { peopleExportMain } from '../src/privacy/privacy-cli.js';

process.exitCode = await peopleExportMain(process.argv.slice(2), process.env);
