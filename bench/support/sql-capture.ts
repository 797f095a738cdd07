// Captures the SQL an app node sends, with its parameters, by standing
// between the node and PostgreSQL on a loopback port and reading the
// frontend side of the wire protocol (Query, Parse, Bind, Execute). This
// needs neither log_statement nor pg_stat_statements (not preloaded on the
// shared server, and it would drop the parameter values), and it follows
// the code as it changes: the baseline is whatever the code runs today.
// Used only in an unmeasured pass: the proxy hop costs latency.
import net from "node:net";

export type Param = string | Buffer | null;
export type Statement = { conn: number; sql: string; params: Param[]; types: number[]; at: number };

type ConnState = {
  prepared: Map<string, { sql: string; types: number[] }>;
  portals: Map<string, { sql: string; types: number[]; params: Param[] }>;
};

const cstring = (buf: Buffer, at: number): [string, number] => {
  const end = buf.indexOf(0, at);
  return [buf.toString("utf8", at, end), end + 1];
};

function onMessage(type: number, body: Buffer, conn: number, state: ConnState, out: Statement[]) {
  const kind = String.fromCharCode(type);
  if (kind === "Q") {
    out.push({ conn, sql: cstring(body, 0)[0], params: [], types: [], at: performance.now() });
  } else if (kind === "P") {
    const [name, a] = cstring(body, 0);
    const [sql, b] = cstring(body, a);
    const count = body.readInt16BE(b);
    const types = Array.from({ length: count }, (_, i) => body.readInt32BE(b + 2 + 4 * i));
    state.prepared.set(name, { sql, types });
  } else if (kind === "B") {
    const [portal, a] = cstring(body, 0);
    const [name, b] = cstring(body, a);
    let at = b;
    const formatCount = body.readInt16BE(at);
    const formats = Array.from({ length: formatCount }, (_, i) => body.readInt16BE(at + 2 + 2 * i));
    at += 2 + 2 * formatCount;
    const paramCount = body.readInt16BE(at);
    at += 2;
    const params: Param[] = [];
    for (let i = 0; i < paramCount; i++) {
      const length = body.readInt32BE(at);
      at += 4;
      if (length < 0) {
        params.push(null);
        continue;
      }
      const bytes = Buffer.from(body.subarray(at, at + length));
      at += length;
      const binary = (formatCount === 1 ? formats[0] : formats[i]) === 1;
      params.push(binary ? bytes : bytes.toString("utf8"));
    }
    const statement = state.prepared.get(name);
    if (statement) state.portals.set(portal, { ...statement, params });
  } else if (kind === "E") {
    const portal = state.portals.get(cstring(body, 0)[0]);
    if (portal) out.push({ conn, sql: portal.sql, params: portal.params, types: portal.types, at: performance.now() });
  }
}

/** Reads the client→server byte stream: untyped start-up messages first, then typed ones. */
function frontendReader(conn: number, out: Statement[]) {
  const state: ConnState = { prepared: new Map(), portals: new Map() };
  let pending: Buffer = Buffer.alloc(0);
  let startup = true;
  return (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (startup) {
        if (pending.length < 8) return;
        const length = pending.readInt32BE(0);
        if (pending.length < length) return;
        const code = pending.readInt32BE(4);
        // SSLRequest / GSSENCRequest are followed by the real start-up message.
        startup = code === 80877103 || code === 80877104;
        pending = pending.subarray(length);
        continue;
      }
      if (pending.length < 5) return;
      const length = pending.readInt32BE(1);
      if (pending.length < 1 + length) return;
      onMessage(pending[0]!, pending.subarray(5, 1 + length), conn, state, out);
      pending = pending.subarray(1 + length);
    }
  };
}

export type SqlCapture = { port: number; statements: Statement[]; recording: boolean; close(): Promise<void> };

/** A proxy on `port` to PostgreSQL at `upstreamPort`; statements are kept while `recording` is true. */
export async function startSqlCapture(port: number, upstreamPort = 5432, upstreamHost = "127.0.0.1"): Promise<SqlCapture> {
  const sockets = new Set<net.Socket>();
  let nextConn = 0;
  const capture: SqlCapture = { port, statements: [], recording: false, close: async () => undefined };
  const all: Statement[] = [];
  const server = net.createServer((client) => {
    const conn = nextConn++;
    const upstream = net.connect(upstreamPort, upstreamHost);
    sockets.add(client).add(upstream);
    const read = frontendReader(conn, all);
    client.on("data", (chunk: Buffer) => {
      const before = all.length;
      read(chunk);
      if (capture.recording) capture.statements.push(...all.slice(before));
      all.length = 0;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  capture.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return capture;
}
