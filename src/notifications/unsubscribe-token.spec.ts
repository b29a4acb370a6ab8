import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.js';

const org = '00000000-0000-4000-8000-000000000001';
const person = '0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e6f';

describe('unsubscribe tokens', () => {
  it('name the person they were made for, and nothing else passes', () => {
    const token = unsubscribeToken('secret-one', org, person);
    expect(readUnsubscribeToken('secret-one', token)).toEqual({ organisationId: org, personId: person });
    expect(readUnsubscribeToken('secret-two', token)).toBeNull();
    expect(readUnsubscribeToken('secret-one', token.replace(person, '0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e6e'))).toBeNull();
    expect(readUnsubscribeToken('secret-one', token.slice(0, -1))).toBeNull();
    expect(readUnsubscribeToken('secret-one', undefined)).toBeNull();
  });
});
