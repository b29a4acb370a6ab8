// Property: business time is the truth. For random histories of the same milestones with distinct
// business dates, every order of recording them that the decider accepts gives the same state on
// every date. PROPERTY_RUNS sets the number of histories (default 200; `npm run test:properties` runs more).
import fc from 'fast-check';
import { stateAt } from './evolve.js';
import { daysToCompare, historyArb, recordInOrder, type Step } from './testing/histories.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined;

/** Other recording orders of a history: the initiation first (nothing can precede it), the rest shuffled. */
const ordersArb = (steps: Step[]) =>
  fc.array(fc.shuffledSubarray(steps.slice(1), { minLength: steps.length - 1, maxLength: steps.length - 1 }), {
    minLength: 1,
    maxLength: 6,
  });

it(`every accepted recording order gives the same state on every date (${RUNS} histories)`, () => {
  let compared = 0;
  let refused = 0;
  fc.assert(
    fc.property(
      historyArb('p').chain((steps) => fc.tuple(fc.constant(steps), ordersArb(steps))),
      ([steps, orders]) => {
        const inDateOrder = recordInOrder(steps);
        expect(inDateOrder).not.toBeNull();
        const days = daysToCompare(steps);
        const expected = days.map((d) => stateAt(inDateOrder!.history, d));
        for (const order of orders) {
          const recorded = recordInOrder([steps[0], ...order]);
          if (!recorded) {
            refused++;
            continue; // the decider refused this order (e.g. a resumption before its suspension was known)
          }
          compared++;
          days.forEach((d, i) => {
            const { entries: _e, entryOrder: _o, version: _v, ...got } = stateAt(recorded.history, d);
            const { entries: _e2, entryOrder: _o2, version: _v2, ...want } = expected[i];
            expect({ day: d, state: got }).toEqual({ day: d, state: want });
          });
        }
      },
    ),
    { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
  );
  // The property says something only if other orders were actually accepted and compared.
  expect(compared).toBeGreaterThan(RUNS / 2);
  expect(refused + compared).toBeGreaterThanOrEqual(RUNS);
});
