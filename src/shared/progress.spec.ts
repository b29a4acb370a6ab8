import { PassThrough } from 'node:stream';
import { progress } from './progress.js';

function fakeStream(isTTY: boolean) {
  const s = new PassThrough() as PassThrough & { isTTY: boolean; columns: number; cursorTo?: unknown };
  s.isTTY = isTTY;
  s.columns = 120;
  let text = '';
  s.on('data', (c: Buffer) => (text += c.toString()));
  return { stream: s as unknown as NodeJS.WriteStream, text: () => text };
}

it('writes plain lines when not on a terminal: the first at once, then at most every interval, and the last', () => {
  const out = fakeStream(false);
  const p = progress('rebuild partnerships v2', { unit: 'events', stream: out.stream, lineEveryMs: 60_000 });
  p.update(0, 1000);
  p.update(500, 1000);
  p.update(1000, 1000);
  p.stop();
  const lines = out.text().trim().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^rebuild partnerships v2: 0\/1000 events \(0%, \d+\/s\)$/);
  expect(lines[1]).toMatch(/^rebuild partnerships v2: 1000\/1000 events \(100%, \d+\/s\)$/);
});

it('draws a bar on a terminal', () => {
  const out = fakeStream(true);
  const p = progress('checking hash chains', { unit: 'events', stream: out.stream });
  p.update(250, 1000);
  p.update(1000, 1000);
  p.stop();
  expect(out.text()).toContain('checking hash chains [');
  expect(out.text()).toMatch(/100% \| 1000\/1000 events/);
});
