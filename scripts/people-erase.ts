// `npm run people:erase`: see docs/privacy.md.
import 'reflect-metadata';
import { peopleEraseMain } from '../src/privacy/privacy-cli.js';

process.exitCode = await peopleEraseMain(process.argv.slice(2), process.env);
