import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is asking and under which ids; carried into every event's metadata. */
export interface RequestContext {
  requestId: string;
  correlationId: string;
  actor?: string;
  role?: string;
  keyId?: string;
  source: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentContext(): RequestContext | undefined {
  return requestContext.getStore();
}
