import 'reflect-metadata';
import { COMMAND_TYPES } from '../domain/index.js';
import * as C from './commands.js';
import { COMMAND_HANDLERS } from './handlers.js';
import { canonicalJson, derivedEventId, requestFingerprint } from './idempotency.js';

// @nestjs/cqrs keeps the handled command class under this metadata key (not exported by the package).
const COMMAND_HANDLER_METADATA = '__commandHandler__';

describe('command handlers', () => {
  it('has exactly one handler per domain command type', () => {
    const handled = COMMAND_HANDLERS.map((h) => {
      const cls = Reflect.getMetadata(COMMAND_HANDLER_METADATA, h) as new (id: string, data: never) => C.PartnershipCommandMessage;
      return new cls('p', {} as never).type;
    });
    expect([...handled].sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it('exports each command class under the name of its type', () => {
    for (const type of COMMAND_TYPES) {
      const cls = (C as unknown as Record<string, new (id: string, data: never) => C.PartnershipCommandMessage>)[type];
      expect(new cls('p', {} as never).toDomain()).toEqual({ type, partnershipId: 'p', data: {} });
    }
  });
});

describe('idempotency helpers', () => {
  it('fingerprints a body independently of key order, but not of values, path or method', () => {
    const a = requestFingerprint('POST', '/x', { b: 1, a: { d: [1, 2], c: null } });
    expect(requestFingerprint('post', '/x', { a: { c: null, d: [1, 2] }, b: 1 })).toBe(a);
    expect(requestFingerprint('POST', '/x', { b: 1, a: { d: [2, 1], c: null } })).not.toBe(a);
    expect(requestFingerprint('POST', '/y', { b: 1, a: { d: [1, 2], c: null } })).not.toBe(a);
    expect(canonicalJson({ b: undefined, a: 'é' })).toBe('{"a":"é"}');
  });

  it('derives stable, distinct event ids per API key, scope, key and index', () => {
    const id = derivedEventId('k1', 'POST /a', 'key', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-/);
    expect(derivedEventId('k1', 'POST /a', 'key', 0)).toBe(id);
    const others = [
      derivedEventId('k2', 'POST /a', 'key', 0),
      derivedEventId('k1', 'POST /b', 'key', 0),
      derivedEventId('k1', 'POST /a', 'key2', 0),
      derivedEventId('k1', 'POST /a', 'key', 1),
    ];
    expect(new Set([id, ...others]).size).toBe(5);
  });
});
