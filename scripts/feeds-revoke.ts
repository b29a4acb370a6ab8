// Revokes a calendar subscription at once: `npm run feeds:revoke -- <id>`.
import 'reflect-metadata';
import { runFeedsCli } from '../src/auth/feeds-cli.js';

await runFeedsCli('revoke');
