// Lists calendar subscriptions (never their tokens): `npm run feeds:list [-- --json]`.
import 'reflect-metadata';
import { runFeedsCli } from '../src/auth/feeds-cli.js';

await runFeedsCli('list');
