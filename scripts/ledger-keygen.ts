// `npm run ledger:keygen`: see docs/integrity.md.
import 'reflect-metadata';
import { ledgerKeygenMain } from '../src/ledger-cli.js';

process.exitCode = await ledgerKeygenMain(process.argv.slice(2), process.env);
