// `npm run people:replay-erasures`: see docs/privacy.md.
import 'reflect-metadata';
import { peopleReplayErasuresMain } from '../src/privacy/privacy-cli.js';

process.exitCode = await peopleReplayErasuresMain(process.argv.slice(2), process.env);
