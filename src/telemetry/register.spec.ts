// "No cost when off": with no OTLP endpoint the register file installs no module hook and never
// imports the SDK; with one it does both. node:module and the SDK module are replaced by spies.
import { jest } from '@jest/globals';

const hook = jest.fn();
const startTracing = jest.fn();
jest.unstable_mockModule('node:module', () => ({ register: hook }));
jest.unstable_mockModule('./sdk.js', () => ({ startTracing }));

const ENV = ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_SDK_DISABLED', 'OTEL_TRACES_EXPORTER'];
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));

beforeEach(() => {
  jest.resetModules();
  hook.mockClear();
  startTracing.mockClear();
  for (const k of ENV) delete process.env[k];
});
afterAll(() => {
  for (const k of ENV)
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
});

it('does nothing without an OTLP endpoint: no import hook, no SDK', async () => {
  await import('./register.js');
  expect(hook).not.toHaveBeenCalled();
  expect(startTracing).not.toHaveBeenCalled();
});

it('does nothing when the SDK is disabled, even with an endpoint', async () => {
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = 'http://127.0.0.1:4318';
  process.env.OTEL_SDK_DISABLED = 'true';
  await import('./register.js');
  expect(hook).not.toHaveBeenCalled();
  expect(startTracing).not.toHaveBeenCalled();
});

it('installs the import hook and starts the SDK when an endpoint is set', async () => {
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = 'http://127.0.0.1:4318';
  await import('./register.js');
  expect(hook).toHaveBeenCalledWith('@opentelemetry/instrumentation/hook.mjs', expect.any(String), expect.anything());
  expect(startTracing).toHaveBeenCalledTimes(1);
});
