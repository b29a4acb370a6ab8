export class EnqueueTimeoutError extends Error {
  readonly code = 'queue_unavailable';
}

/**
 * Queue connections retry forever while Redis is down (workers must survive an outage), so a plain
 * call would wait forever too. Callers that hold a request or a transaction get an answer within
 * `ms`; the call may still go through later, which is harmless where job ids are derived.
 */
export async function withTimeout<T>(
  p: Promise<T>,
  ms: number,
  what: string,
  fail = (m: string): Error => new EnqueueTimeoutError(m),
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(fail(`no answer to ${what} within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
