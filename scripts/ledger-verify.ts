// `npm run ledger:verify`: see docs/integrity.md.
import 'reflect-metadata';
import { ledgerVerifyMain } from '../src/ledger-cli.js';

process.exitCode = await ledgerVerifyMain(process.argv.slice(2), process.env);
