import type { ProjectionDefinition } from '../../event-store/projections.js';
import { partnershipsProjection } from './partnerships.projection.js';

export const PROJECTIONS_QUEUE = 'projections';

/** Every projection of the service, by name (the name used in the API and the CLI). */
export const PROJECTIONS: Record<string, ProjectionDefinition> = {
  [partnershipsProjection.name]: partnershipsProjection,
};
