// Creates a calendar subscription and prints its address once: `npm run feeds:create -- --name "Office calendar" [--partnership dortmund-zhytomyr]`.
import 'reflect-metadata';
import { runFeedsCli } from '../src/auth/feeds-cli.js';

await runFeedsCli('create');
