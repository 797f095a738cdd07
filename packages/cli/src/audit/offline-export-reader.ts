// Reads an audit export line by line as it streams in, keeping one small
// record per event and the first damage it finds: a line that is not an
// event as the server wrote it is named by its seq, or, when nothing on it
// says which event it was, by the events around it.
import { readExportLine, type ExportEvent } from "./offline-export-line";
import type { LogProblem } from "../../../contracts/src/audit/log-report";

const NEWLINE = 0x0a;

/** Reads an export as it streams in (bytes, any chunking), keeping 1 small record per event. */
export class ExportReader {
  readonly events: ExportEvent[] = [];
  problem: LogProblem | null = null;
  private line = 0;
  private partial: Buffer[] = [];
  private blankAt: number | null = null;
  private waiting: { line: number; afterSeq: string | null; message: string } | null = null;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  push(chunk: Uint8Array | string): void {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      this.partial.push(bytes.subarray(start, end));
      this.take(Buffer.concat(this.partial));
      this.partial = [];
      start = end + 1;
    }
    if (start < bytes.length) this.partial.push(Buffer.from(bytes.subarray(start)));
  }

  end(): this {
    if (this.partial.length) this.take(Buffer.concat(this.partial));
    this.partial = [];
    if (this.waiting) this.fail({ code: "edited", message: this.waiting.message });
    return this;
  }

  private take(bytes: Buffer): void {
    this.line++;
    if (this.problem) return;
    if (this.blankAt !== null) {
      // Only the end of the input may be blank: an empty line inside is a line that lost its event.
      this.damaged(this.blankAt, "is empty");
      this.blankAt = null;
    }
    if (this.waiting) return this.resolveWaiting(bytes);
    let text: string;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      return this.damaged(this.line, "is not valid UTF-8", seqAtStart(bytes));
    }
    const result = readExportLine(text, this.line);
    if ("blank" in result) this.blankAt = this.line;
    else if ("incomplete" in result)
      this.fail({ code: "missing-event", message: `the export is incomplete (line ${this.line}): ${result.incomplete}` });
    else if ("error" in result) this.damaged(this.line, result.error, result.seq);
    else this.events.push(result.event);
  }

  private damaged(line: number, what: string, seq: string | null = null): void {
    if (this.problem || this.waiting) return;
    if (seq) return this.fail({ code: "edited", message: `event #${seq} was changed: line ${line} ${what}`, firstBadSeq: seq });
    // Nothing on the line names its event: it lies between its neighbours, and the next one is still to come.
    const afterSeq = this.events.at(-1)?.seq.toString() ?? null;
    this.waiting = { line, afterSeq, message: `line ${line} of the export was changed: it ${what}` };
  }

  private resolveWaiting(bytes: Buffer): void {
    const next = seqAtStart(bytes);
    if (!next || !this.waiting) return;
    const { message, afterSeq } = this.waiting;
    this.waiting = null;
    const between = `an event after ${afterSeq ? `#${afterSeq}` : "the start"} and before #${next}`;
    this.fail({ code: "edited", message: `${message} (${between})`, range: { afterSeq, throughSeq: (BigInt(next) - 1n).toString() } });
  }

  private fail(problem: LogProblem): void {
    this.waiting = null;
    this.problem ??= problem;
  }
}

/** Where the seq sits in every line the server writes: lets a damaged line still be named. */
function seqAtStart(bytes: Buffer): string | null {
  return /^\{"seq":"(\d{1,19})"/.exec(bytes.subarray(0, 32).toString("latin1"))?.[1] ?? null;
}
