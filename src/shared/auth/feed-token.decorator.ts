import { SetMetadata } from '@nestjs/common';

export const FEED_TOKEN_SCOPE = 'feedTokenScope';

/**
 * The route also accepts a subscription token of this scope as `?token=` when no Authorization
 * header is sent (calendar apps cannot send one). The token replaces the key, not the roles check
 * of other routes: it opens only routes marked with its scope.
 */
export const AcceptsFeedToken = (scope: 'calendar') => SetMetadata(FEED_TOKEN_SCOPE, scope);
