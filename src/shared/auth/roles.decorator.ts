import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles.js';

export { READ_ROLES, ROLES, WRITE_ROLES, type Role } from './roles.js';

export const ROLES_KEY = 'roles';

/** Who may call a route. Without it, any valid key may (use @Public() for no key at all). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
