// Creates an API key and prints it once: `npm run keys:create -- --role office --name "Office for International Relations" [--expires-in 90d]`.
import 'reflect-metadata';
import { runKeysCli } from '../src/auth/keys-cli.js';

await runKeysCli('create');
