/**
 * Reads LSP messages (JSON bodies framed by a `Content-Length` header) from
 * the Node server's input stream, and survives a client that breaks the
 * framing. vscode-jsonrpc's own reader never reads another message after a
 * header without Content-Length, or a body longer or shorter than its header
 * said (measured: the server then answers nothing at all); this one skips to
 * the next `Content-Length:` header and goes on.
 *
 * Bodies that are not messages are answered as JSON-RPC 2.0 says: invalid
 * JSON with a Parse error (-32700), anything else that is not a request, a
 * notification or a response with an Invalid Request error (-32600); the
 * error carries the request's id when one could be read, else null.
 */
import { AbstractMessageReader, ErrorCodes, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';

export interface ProtocolProblem {
  /** The JSON-RPC error to answer with; absent for framing problems, which have nobody to answer and are only logged. */
  code?: number;
  id?: number | string | null;
  message: string;
}

/** A header block longer than this without its blank line is not a header. */
const MAX_HEADER_BYTES = 64 * 1024;
const HEADER_NAME = 'content-length:';

export class ResilientMessageReader extends AbstractMessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Length of the body being read; -1 while reading a header. */
  private bodyLength = -1;
  private callback: DataCallback | undefined;

  constructor(
    private readonly readable: NodeJS.ReadableStream,
    private readonly onProblem: (problem: ProtocolProblem) => void,
    /** Bodies announced longer than this are skipped rather than buffered. */
    private readonly maxBodyBytes = 256 * 1024 * 1024,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string) => this.receive(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    const onError = (error: Error) => this.fireError(error);
    const onEnd = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('end', onEnd);
    return {
      dispose: () => {
        this.readable.off('data', onData);
        this.readable.off('error', onError);
        this.readable.off('end', onEnd);
        this.callback = undefined;
      },
    };
  }

  /** Feeds bytes as they arrive (public for tests that split messages at every byte). */
  receive(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.bodyLength < 0 && !this.readHeader()) return;
      if (this.bodyLength < 0) continue;
      if (this.buffered < this.bodyLength) return;
      const body = this.take(this.bodyLength);
      this.bodyLength = -1;
      this.deliver(body);
    }
  }

  /** Reads one header block, or skips garbage; false when more bytes are needed. */
  private readHeader(): boolean {
    const head = this.peek(Math.min(this.buffered, MAX_HEADER_BYTES));
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) {
      if (this.buffered < MAX_HEADER_BYTES) return false;
      const at = headerAt(head, 1);
      // Keep a possible header cut off at the end of what has arrived.
      this.skip(at > 0 ? at : head.length - HEADER_NAME.length);
      this.onProblem({ message: `skipped ${at > 0 ? at : head.length - HEADER_NAME.length} bytes that were not a message header` });
      return true;
    }
    const length = contentLength(head.toString('latin1', 0, end));
    if (length === undefined) {
      // Garbage before a header (the rest of a body longer than its Content-Length), or a header without a valid Content-Length.
      const at = headerAt(head.subarray(0, end), 1);
      if (at > 0) {
        this.skip(at);
        this.onProblem({ message: `skipped ${at} bytes that were not a message header` });
      } else {
        this.skip(end + 4);
        this.onProblem({ message: 'skipped a message header without a valid Content-Length' });
      }
      return true;
    }
    this.skip(end + 4);
    if (length > this.maxBodyBytes) {
      // Its bytes are skipped as garbage, up to the next header.
      this.onProblem({ message: `skipped a message of ${length} bytes (more than the ${this.maxBodyBytes}-byte limit)` });
      return true;
    }
    this.bodyLength = length;
    return true;
  }

  private deliver(body: Buffer): void {
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch (error) {
      // A body shorter than its Content-Length swallowed the start of the next message: give those bytes back.
      const at = headerAt(body, 1);
      if (at > 0) this.unshift(body.subarray(at));
      this.onProblem({ code: ErrorCodes.ParseError, id: null, message: `Parse error: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    const invalid = invalidMessage(value);
    if (invalid) {
      this.onProblem({ code: ErrorCodes.InvalidRequest, id: invalid.id, message: `Invalid Request: ${invalid.reason}` });
      return;
    }
    this.callback?.(value as Message);
  }

  private peek(count: number): Buffer {
    if (count === 0) return Buffer.alloc(0);
    const first = this.chunks[0]!;
    if (first.length >= count) return first.subarray(0, count);
    this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0]!.subarray(0, count);
  }

  private take(count: number): Buffer {
    const taken = this.peek(count);
    this.skip(count);
    return taken;
  }

  private skip(count: number): void {
    let left = count;
    while (left > 0 && this.chunks.length > 0) {
      const first = this.chunks[0]!;
      if (first.length <= left) {
        this.chunks.shift();
        left -= first.length;
      } else {
        this.chunks[0] = first.subarray(left);
        left = 0;
      }
    }
    this.buffered -= count - left;
  }

  private unshift(bytes: Buffer): void {
    this.chunks.unshift(bytes);
    this.buffered += bytes.length;
  }
}

/** Offset of the first `Content-Length:` (any case) at or after `from`; -1 when there is none. */
function headerAt(bytes: Buffer, from: number): number {
  return bytes.toString('latin1').toLowerCase().indexOf(HEADER_NAME, from);
}

/** The Content-Length of a header block (without its blank line); undefined when the block is not a valid header. */
export function contentLength(block: string): number | undefined {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,15}$/.test(value) || length !== undefined) return undefined;
    length = Number(value);
  }
  return length;
}

/** Why a parsed body is not a JSON-RPC message, and the id to answer with; undefined when it is one. */
export function invalidMessage(value: unknown): { reason: string; id: number | string | null } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { reason: Array.isArray(value) ? 'batches are not part of the Language Server Protocol' : 'a message must be a JSON object', id: null };
  }
  const message = value as Record<string, unknown>;
  const hasId = 'id' in message;
  const id = typeof message.id === 'number' || typeof message.id === 'string' ? message.id : null;
  if ('method' in message) {
    if (typeof message.method !== 'string') return { reason: "'method' must be a string", id };
    if (hasId && id === null) return { reason: "a request's 'id' must be a number or a string", id: null };
    // null is let through: some clients send it for "no parameters".
    if ('params' in message && typeof message.params !== 'object') {
      return { reason: "'params' must be an object or an array", id };
    }
    return undefined;
  }
  if (hasId && ('result' in message || 'error' in message)) return undefined;
  return { reason: 'neither a request, a notification nor a response', id: null };
}
