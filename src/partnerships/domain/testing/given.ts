// given(...events).when(command, ctx?).then(events) — decider specs without a database.
// Test-only helper: imported by specs, never by application code.
import { expect } from '@jest/globals';
import type { PartnershipCommand } from '../commands.js';
import { decide, type DecideContext } from '../decide.js';
import { DomainError } from '../errors.js';
import type { PartnershipEvent, RecordedEvent } from '../events.js';
import { fold } from '../evolve.js';
import type { PartnershipState } from '../state.js';

/** A fixed "now" so specs never depend on the machine's clock. */
export const DEFAULT_NOW = '2025-07-10T09:00:00Z';

type GivenEvent = PartnershipEvent & { eventId?: string; recordedAt?: string };

/** Gives events without an id a stable one: evt-1, evt-2, … by position. */
export function withIds(events: readonly GivenEvent[]): RecordedEvent[] {
  return events.map((e, i) => (e.eventId ? (e as RecordedEvent) : ({ ...e, eventId: `evt-${i + 1}` } as RecordedEvent)));
}

type ErrorClass = abstract new (...args: never[]) => Error;

interface When {
  /** the decider's output, for assertions the helpers below do not cover */
  readonly result: () => PartnershipEvent[];
  then(expected: PartnershipEvent[]): void;
  thenThrows(errorClass: ErrorClass, partialMatch?: Record<string, unknown>): void;
}

export interface Given {
  readonly events: RecordedEvent[];
  readonly state: PartnershipState;
  when(command: PartnershipCommand, ctx?: DecideContext): When;
}

export function given(...events: GivenEvent[]): Given {
  const recorded = withIds(events);
  const state = fold(recorded);
  return {
    events: recorded,
    state,
    when(command, ctx = { now: DEFAULT_NOW }) {
      const run = () => decide(command, state, ctx);
      return {
        result: run,
        then(expected) {
          expect(run()).toEqual(expected);
        },
        thenThrows(errorClass, partialMatch) {
          let thrown: unknown;
          let produced: PartnershipEvent[] | undefined;
          try {
            produced = run();
          } catch (error) {
            thrown = error;
          }
          if (thrown === undefined) {
            throw new Error(`Expected ${errorClass.name}, but the decider produced ${JSON.stringify(produced)}`);
          }
          expect(thrown).toBeInstanceOf(errorClass);
          if (thrown instanceof DomainError) expect(typeof thrown.code).toBe('string');
          if (partialMatch) expect(thrown).toMatchObject(partialMatch);
        },
      };
    },
  };
}
