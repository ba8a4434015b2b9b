import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Presets, SingleBar } from 'cli-progress';
import type { AdminHttp, ApiRequest } from '../admin-client/admin-http';
import { CliError } from '../cli-errors';
import type { CliIo, OutputStream } from '../cli-io';

const NEWLINE = 0x0a;

/** Passes bytes through unchanged, counting NDJSON lines (a last line without "\n" counts too). */
export class LineCounter extends Transform {
  lines = 0;
  private open = false;

  constructor(private readonly onLines: (lines: number) => void = () => undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    for (let index = chunk.indexOf(NEWLINE); index !== -1; index = chunk.indexOf(NEWLINE, index + 1)) this.lines += 1;
    if (chunk.length > 0) this.open = chunk[chunk.length - 1] !== NEWLINE;
    this.onLines(this.lines);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.open) this.lines += 1;
    this.onLines(this.lines);
    callback();
  }
}

/**
 * Streams `GET /v1.0/audit/export` to `file` (or stdout) with backpressure end to end, so memory
 * stays flat however many events there are. A progress bar sized by `x-podgate-event-count`
 * goes to stderr, only when writing a file and stderr is a terminal. When that header is given,
 * fewer (or more) lines than it says fail the export, even if the stream ended cleanly.
 */
export async function exportAudit(http: AdminHttp, request: ApiRequest, io: CliIo, file?: string): Promise<number> {
  const { body, count } = await http.openStream(request);
  const bar = file !== undefined && io.stderr.isTTY === true && count !== undefined ? startBar(io.stderr, count) : undefined;
  const counter = new LineCounter((lines) => {
    if (!bar) return;
    if (lines > bar.getTotal()) bar.setTotal(lines);
    bar.update(lines);
  });
  // A cut connection ends the source normally, so everything received is still written and closed.
  let cut: Error | undefined;
  const received = (async function* () {
    try {
      for await (const chunk of body) yield chunk as Buffer;
    } catch (error) {
      cut = error as Error;
    }
  })();
  try {
    if (file === undefined) {
      // stdout is never ended: other output may follow, and process.stdout cannot be closed.
      await pipeline(received, counter, io.stdout, { end: false });
      if (io.stdout.writableNeedDrain) await once(io.stdout, 'drain');
    } else {
      await pipeline(received, counter, createWriteStream(file));
    }
  } catch (error) {
    cut = error as Error;
  } finally {
    bar?.stop();
  }
  if (cut) {
    const where = file === undefined ? '' : `; ${file} is incomplete`;
    throw new CliError(`audit export interrupted after ${counter.lines} events: ${cut.message}${where}`);
  }
  // A stream can also end cleanly but early (a proxy, a gateway restart): the count header tells.
  if (count !== undefined && counter.lines !== count) {
    throw new CliError(`export incomplete: ${counter.lines} of ${count} events written to ${file ?? 'stdout'}`);
  }
  return counter.lines;
}

function startBar(stream: OutputStream, total: number): SingleBar {
  const bar = new SingleBar(
    { stream, format: 'audit export [{bar}] {percentage}% | {value}/{total} events | ETA {eta_formatted}', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}
