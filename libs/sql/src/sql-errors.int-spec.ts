import { createServer, type Server, type Socket } from 'node:net';
import { Client, Pool } from 'pg';
import { PGliteClient } from './pglite-client';
import { isDatabaseUnavailable } from './sql-errors';

/** The error a real driver throws, not one written to match the pattern. */
async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the database call to fail');
}

/** A "server" that accepts connections and drops them: the socket closes under pg, as when PostgreSQL is killed. */
async function droppingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `postgres://podgate:unused@127.0.0.1:${port}/podgate`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('isDatabaseUnavailable with real drivers', () => {
  it('knows a closed PGlite', async () => {
    const sql = await PGliteClient.open();
    await sql.close();
    expect(isDatabaseUnavailable(await errorOf(() => sql.query('SELECT 1')))).toBe(true);
    expect(isDatabaseUnavailable(await errorOf(() => sql.transaction((tx) => tx.query('SELECT 1'))))).toBe(true);
  });

  it('knows a pg pool that was ended and a pg client that was closed', async () => {
    const pool = new Pool({ connectionString: 'postgres://podgate:unused@127.0.0.1:1/podgate' });
    await pool.end();
    expect(isDatabaseUnavailable(await errorOf(() => pool.query('SELECT 1')))).toBe(true);
    const client = new Client({ connectionString: 'postgres://podgate:unused@127.0.0.1:1/podgate' });
    await client.end();
    expect(isDatabaseUnavailable(await errorOf(() => client.query('SELECT 1')))).toBe(true);
  });

  it('knows a refused connection and a connection the server drops ("Connection terminated")', async () => {
    const refused = new Client({ connectionString: 'postgres://podgate:unused@127.0.0.1:1/podgate' });
    expect(isDatabaseUnavailable(await errorOf(() => refused.connect()))).toBe(true);
    const server = await droppingServer();
    try {
      const dropped = new Client({ connectionString: server.url });
      const error = await errorOf(() => dropped.connect());
      expect(String((error as Error).message)).toMatch(/Connection terminated/);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('leaves a query error of an open PGlite alone', async () => {
    const sql = await PGliteClient.open();
    try {
      expect(isDatabaseUnavailable(await errorOf(() => sql.query('SELECT * FROM no_such_table')))).toBe(false);
      expect(isDatabaseUnavailable(await errorOf(() => sql.query("SELECT '0000-01-01T00:00:00Z'::timestamptz")))).toBe(false);
    } finally {
      await sql.close();
    }
  });
});
