// Revokes an API key at once: `npm run keys:revoke -- <id>`.
import 'reflect-metadata';
import { runKeysCli } from '../src/auth/keys-cli.js';

await runKeysCli('revoke');
