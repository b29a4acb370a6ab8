// Validates IATI documents against the official 2.03 XSD with libxml2 (xmllint compiled to
// WebAssembly). The activity schema includes iati-common.xsd and imports xml.xsd by relative
// name; all three go into the validator's in-memory file system so both resolve offline.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

const DIR = fileURLToPath(new URL('../fixtures/standards/iati-2.03/', import.meta.url));
const file = (name: string) => ({ fileName: name, contents: readFileSync(DIR + name, 'utf8') });

const SCHEMA = file('iati-activities-schema.xsd');
const PRELOAD = [file('iati-common.xsd'), file('xml.xsd')];

export interface XsdResult {
  valid: boolean;
  errors: string[];
}

export async function validateIatiActivities(xml: string): Promise<XsdResult> {
  const result = await validateXML({ xml: [{ fileName: 'export.xml', contents: xml }], schema: [SCHEMA], preload: PRELOAD });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
