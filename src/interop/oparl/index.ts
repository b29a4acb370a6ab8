// OParl 1.1 export: the public surface the HTTP layer and a projection wire.
export * from './config.js';
export * from './types.js';
export { mapToOParl, oparlRows, organizationKey, meetingLocalId, OPARL_EVENT_TYPES } from './oparl-mapping.js';
export * from './oparl-list.js';
