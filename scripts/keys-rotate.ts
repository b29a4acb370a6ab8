// Issues a new key for the same holder; the old one works for the grace period: `npm run keys:rotate -- <id> [--grace 7d]`.
import 'reflect-metadata';
import { runKeysCli } from '../src/auth/keys-cli.js';

await runKeysCli('rotate');
