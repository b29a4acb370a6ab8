import { SetMetadata } from '@nestjs/common';

export const ROLES = ['office', 'council', 'reporting', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLES_KEY = 'roles';

/** Who may call a route. Without it, any valid key may (use @Public() for no key at all). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Roles that record milestones. */
export const WRITE_ROLES: Role[] = ['office', 'admin'];
/** Roles that read timelines and status. */
export const READ_ROLES: Role[] = ['council', 'reporting', 'office', 'admin'];
