// The roles an API key can have. Apart from the route decorator, so the key commands load no framework.
export const ROLES = ['office', 'council', 'reporting', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that record milestones. */
export const WRITE_ROLES: Role[] = ['office', 'admin'];
/** Roles that read timelines and status. */
export const READ_ROLES: Role[] = ['council', 'reporting', 'office', 'admin'];
