// `npm run keys:master-rotate`: see docs/privacy.md.
import 'reflect-metadata';
import { masterRotateMain } from '../src/privacy/privacy-cli.js';

process.exitCode = await masterRotateMain(process.argv.slice(2), process.env);
