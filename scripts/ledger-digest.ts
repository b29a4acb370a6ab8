// `npm run ledger:digest`: see docs/integrity.md.
import 'reflect-metadata';
import { ledgerDigestMain } from '../src/ledger-cli.js';

process.exitCode = await ledgerDigestMain(process.argv.slice(2), process.env);
