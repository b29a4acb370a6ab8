// `npm run people:erasures`: see docs/privacy.md.
import 'reflect-metadata';
import { peopleErasuresMain } from '../src/privacy/privacy-cli.js';

process.exitCode = await peopleErasuresMain(process.argv.slice(2), process.env);
