import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LineCounter } from './audit-export';

async function countThrough(chunks: string[]): Promise<{ lines: number; seen: number[]; output: string }> {
  const seen: number[] = [];
  const counter = new LineCounter((lines) => seen.push(lines));
  let output = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      output += chunk.toString();
      callback();
    },
  });
  await pipeline(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), counter, sink);
  return { lines: counter.lines, seen, output };
}

describe('LineCounter', () => {
  it('counts lines split across chunks and passes the bytes through unchanged', async () => {
    const result = await countThrough(['{"a":1}\n{"b"', ':2}\n', '{"c":3}\n']);
    expect(result).toEqual({ lines: 3, seen: [1, 2, 3, 3], output: '{"a":1}\n{"b":2}\n{"c":3}\n' });
  });

  it('counts a last line without a newline once', async () => {
    expect((await countThrough(['{"a":1}\n{"b":2}'])).lines).toBe(2);
    expect((await countThrough([])).lines).toBe(0);
  });
});
