import { TransitionNotAllowedError, ValidationError } from '../errors.js';
import { command } from './commands.js';
import { DORTMUND, beforeSolidaritySigning, year } from './dortmund-zhytomyr.js';
import { given, withIds } from './given.js';

const initiate = command('InitiatePartnership', { occurredOn: year('2022'), ownMunicipality: DORTMUND, tier: 'initiative' });

describe('given/when/then', () => {
  it('numbers events that have no id and keeps ids that are given', () => {
    const events = withIds([{ type: 'NoteAdded', data: { occurredOn: year('2022'), text: 'a' } }, beforeSolidaritySigning[0]]);
    expect(events.map((e) => e.eventId)).toEqual(['evt-1', 'initiated']);
  });

  it('folds the given events into the state the decider sees', () => {
    expect(given(...beforeSolidaritySigning).state.tier).toBe('contact');
    expect(given().state.exists).toBe(false);
  });

  it('then() fails when the decider produces other events', () => {
    expect(() => given().when(initiate).then([])).toThrow();
  });

  it('thenThrows() fails when nothing is thrown, a different error is thrown, or details differ', () => {
    expect(() => given().when(initiate).thenThrows(ValidationError)).toThrow(/Expected ValidationError, but the decider produced/);
    expect(() => given(beforeSolidaritySigning[0]).when(initiate).thenThrows(TransitionNotAllowedError)).toThrow();
    expect(() => given(beforeSolidaritySigning[0]).when(initiate).thenThrows(Error, { code: 'something_else' })).toThrow();
  });
});
