#!/usr/bin/env node
// Usage: node test/support/validate-oparl.mjs FILE.json [...]  — each file holds one OParl object
// or one list page ({ data, pagination, links }); exits 1 if anything is invalid.
import { readFileSync } from 'node:fs';
import { loadOParlValidator, oparlTypeOf } from './oparl-schemas.mjs';

const validator = loadOParlValidator();
let failed = process.argv.length < 3;
if (failed) console.error('usage: node test/support/validate-oparl.mjs FILE.json [...]');
for (const path of process.argv.slice(2)) {
  const json = JSON.parse(readFileSync(path, 'utf8'));
  const isPage = Array.isArray(json.data) && json.links && json.pagination;
  const objects = isPage ? json.data : [json];
  const problems = [];
  if (isPage && json.pagination.currentPage < json.pagination.totalPages && !json.links.next)
    problems.push('links.next missing before the last page');
  objects.forEach((o, i) => {
    const type = oparlTypeOf(o);
    if (!type) return problems.push(`${isPage ? `data/${i}` : ''} has no OParl 1.1 type: ${JSON.stringify(o?.type)}`);
    for (const e of validator.validate(type, o)) problems.push(`${isPage ? `/data/${i}` : ''}${e.instancePath} ${e.message}`);
  });
  console.log(problems.length ? `${path}: INVALID\n  ${problems.join('\n  ')}` : `${path}: valid (OParl 1.1, ${objects.length} object(s))`);
  failed ||= problems.length > 0;
}
process.exit(failed ? 1 : 0);
