#!/usr/bin/env node
// Usage: node test/support/validate-iati.mjs FILE.xml [...]  — exits 1 if any file is invalid.
import { readFileSync } from 'node:fs';
import { validateIatiActivities } from './iati-xsd.mjs';

let failed = false;
for (const path of process.argv.slice(2)) {
  const { valid, errors } = await validateIatiActivities(readFileSync(path, 'utf8'));
  console.log(valid ? `${path}: valid (IATI 2.03)` : `${path}: INVALID\n  ${errors.join('\n  ')}`);
  failed ||= !valid;
}
if (process.argv.length < 3) console.error('usage: node test/support/validate-iati.mjs FILE.xml [...]');
process.exit(failed || process.argv.length < 3 ? 1 : 0);
