import { evolve, fold } from './evolve.js';
import { initialState } from './state.js';
import { wholeStory } from './testing/dortmund-zhytomyr.js';

describe('fold shares its working copies only with itself', () => {
  it('gives the same state as evolving step by step', () => {
    const stepwise = wholeStory.reduce(evolve, initialState());
    expect(fold(wholeStory)).toEqual(stepwise);
  });

  it('does not change the state it starts from, nor states evolve returned earlier', () => {
    const half = Math.floor(wholeStory.length / 2);
    const start = fold(wholeStory.slice(0, half));
    const snapshot = JSON.parse(JSON.stringify(start));
    const next = evolve(start, wholeStory[half]);
    const after = fold(wholeStory.slice(half), start);
    expect(JSON.parse(JSON.stringify(start))).toEqual(snapshot);
    expect(Object.keys(next.entries)).toHaveLength(half + 1);
    expect(Object.keys(after.entries)).toHaveLength(wholeStory.length);
    expect(after.entryOrder).toEqual(wholeStory.map((e) => e.eventId));
  });
});
