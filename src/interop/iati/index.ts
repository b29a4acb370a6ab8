// IATI 2.03 activity export: the public surface the HTTP layer wires.
export * from './iati-activity.js';
export { DEFAULT_SECTOR_CODES, AID_TYPE_BY_MODALITY, IATI_VERSION, normaliseSector, ownSectorCode } from './codelists.js';
