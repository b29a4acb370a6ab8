// Validates IATI documents against the official 2.03 XSD with libxml2 (xmllint compiled to
// WebAssembly). The activity schema includes iati-common.xsd and imports xml.xsd by relative
// name; all three go into the validator's in-memory file system so both resolve offline.
// Plain JavaScript so that validate-iati.mjs can run it without a build step.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import xmllint from 'xmllint-wasm';

const DIR = fileURLToPath(new URL('../fixtures/standards/iati-2.03/', import.meta.url));
const file = (name) => ({ fileName: name, contents: readFileSync(DIR + name, 'utf8') });

const SCHEMA = file('iati-activities-schema.xsd');
const PRELOAD = [file('iati-common.xsd'), file('xml.xsd')];

/** @param {string} xml */
export async function validateIatiActivities(xml) {
  const result = await xmllint.validateXML({ xml: [{ fileName: 'export.xml', contents: xml }], schema: [SCHEMA], preload: PRELOAD });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
