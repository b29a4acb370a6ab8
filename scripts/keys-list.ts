// Lists API keys without their secrets: role, name, created, last used, expires, state. `npm run keys:list [-- --json]`.
import 'reflect-metadata';
import { runKeysCli } from '../src/auth/keys-cli.js';

await runKeysCli('list');
