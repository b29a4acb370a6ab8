import { validate, version } from 'uuid';
import { newEventId } from './event-ids.js';

describe('newEventId', () => {
  it('gives distinct uuid v7 ids in the order they were made, across pool refills', () => {
    const ids = Array.from({ length: 5000 }, () => newEventId()); // 5000 × 16 bytes: the pool refills 19 times
    expect(ids.every((id) => validate(id) && version(id) === 7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('puts the current time in the id', () => {
    const before = Date.now();
    const id = newEventId();
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });
});
