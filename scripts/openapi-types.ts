// The TypeScript types of the API, generated from the OpenAPI document by openapi-typescript and
// formatted like the rest of the code. Shared by `npm run api:types` (writes the file) and the test
// that fails when the committed file is not what the current document generates.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

/** The package root, seen from scripts/ (ts-jest) or dist/scripts/ (npm run api:types). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** The committed file; the web page's types.d.ts aliases its schemas. */
export const API_TYPES_FILE = join(packageRoot(), 'src/web/public/api-types.d.ts');

const NOTE = `// Generated from the OpenAPI document (/docs-json) by \`npm run api:types\`; do not edit.
// test/e2e/openapi.e2e.spec.ts fails when this file differs from what the current document generates.
`;

export async function apiTypesSource(document: object): Promise<string> {
  // openapi-typescript's input type is its own OpenAPI3; the document is one (the test validates it)
  // alphabetize: the order of schemas follows module load order, which settings such as WORKERS_ENABLED change
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { silent: true, alphabetize: true });
  const source = NOTE + astToString(ast);
  return format(source, { ...(await resolveConfig(API_TYPES_FILE)), filepath: API_TYPES_FILE });
}
