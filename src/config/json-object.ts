// A setting holding a JSON object whose every entry must pass a check (names, role maps).
import { z } from 'zod';

export function jsonObject<V>(entryOk: (key: string, value: unknown) => boolean, message: string, { nonEmpty = false } = {}) {
  return z.string().transform((v, ctx) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(v);
    } catch {
      parsed = null;
    }
    const entries = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.entries(parsed) : null;
    if (!entries || (nonEmpty && entries.length === 0) || !entries.every(([k, x]) => entryOk(k, x))) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return parsed as Record<string, V>;
  });
}
