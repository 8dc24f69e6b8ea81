/** The Node server's resilient message reader: framing, resynchronisation, and JSON-RPC errors for bodies that are not messages. */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { Message } from 'vscode-languageserver/node';
import { contentLength, invalidMessage, ResilientMessageReader, type ProtocolProblem } from '../../server/src/lsp/message-reader';

/** What the tests read off a message. */
type Read = Message & { id?: number; params?: { text: string } };

function reader() {
  const messages: Read[] = [];
  const problems: ProtocolProblem[] = [];
  const input = new PassThrough();
  const r = new ResilientMessageReader(input, (p) => problems.push(p), 1000);
  r.listen((m) => messages.push(m as Read));
  return { r, messages, problems, feed: (text: string) => r.receive(Buffer.from(text, 'utf8')) };
}

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const request = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'x/y', params: { text: 'é — ✓' } });

test('messages split at every byte, or several in one chunk, are read whole and in order', () => {
  const { r, messages, problems } = reader();
  const bytes = Buffer.from(frame(request(1)) + frame(request(2)), 'utf8');
  for (let i = 0; i < bytes.length; i++) r.receive(bytes.subarray(i, i + 1));
  const { feed, messages: batch } = reader();
  feed(frame(request(3)) + frame(request(4)) + frame(request(5)));
  assert.deepEqual(messages.map((m) => m.id), [1, 2]);
  assert.deepEqual(messages[0]!.params!.text, 'é — ✓', 'UTF-8 split inside a character');
  assert.deepEqual(batch.map((m) => m.id), [3, 4, 5]);
  assert.deepEqual(problems, []);
});

test('invalid JSON is a Parse error with id null', () => {
  const { feed, messages, problems } = reader();
  feed(frame('{"jsonrpc":"2.0","id":1,') + frame(request(2)));
  assert.deepEqual(problems.map((p) => [p.code, p.id]), [[-32700, null]]);
  assert.deepEqual(messages.map((m) => m.id), [2]);
});

test('a body shorter than its Content-Length: the swallowed next message is given back', () => {
  const { feed, messages, problems } = reader();
  feed('Content-Length: 60\r\n\r\n{"a":1}');
  feed(frame(request(7)));
  assert.deepEqual(problems.map((p) => p.code), [-32700]);
  assert.deepEqual(messages.map((m) => m.id), [7]);
});

test('a body longer than its Content-Length: its rest is skipped up to the next header', () => {
  const { feed, messages, problems } = reader();
  feed(`Content-Length: 5\r\n\r\n${request(8)}`);
  feed(frame(request(9)));
  assert.deepEqual(problems.map((p) => [p.code, p.message.split(':')[0]]), [
    [-32700, 'Parse error'],
    [undefined, `skipped ${Buffer.byteLength(request(8)) - 5} bytes that were not a message header`],
  ]);
  assert.deepEqual(messages.map((m) => m.id), [9]);
});

test('a header without Content-Length, or with a bad one, is skipped; so is a body over the limit', () => {
  const { feed, messages, problems } = reader();
  feed(`Content-Type: application/json\r\n\r\n${request(10)}`);
  feed(frame(request(11)));
  feed(`Content-Length: 12abc\r\n\r\n`);
  feed(frame(request(12)));
  feed(`Content-Length: 5000\r\n\r\n${'x'.repeat(40)}`);
  feed(frame(request(13)));
  assert.deepEqual(messages.map((m) => m.id), [11, 12, 13]);
  assert.ok(problems.every((p) => p.code === undefined), JSON.stringify(problems));
  assert.ok(problems.some((p) => p.message === 'skipped a message of 5000 bytes (more than the 1000-byte limit)'));
});

test('garbage without any header end is dropped once it is too long to be a header', () => {
  const { feed, messages } = reader();
  feed('x'.repeat(70_000));
  feed(frame(request(14)));
  assert.deepEqual(messages.map((m) => m.id), [14]);
});

test('Content-Length parsing: case, spaces, other headers; duplicates and junk are invalid', () => {
  assert.equal(contentLength('Content-Length: 12'), 12);
  assert.equal(contentLength('content-length:12\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8'), 12);
  assert.equal(contentLength('Content-Type: x'), undefined);
  assert.equal(contentLength('Content-Length: 1\r\nContent-Length: 2'), undefined);
  assert.equal(contentLength('Content-Length: -1'), undefined);
  assert.equal(contentLength('garbage'), undefined);
});

test('what is not a message: non-objects, batches, bad methods, ids and params', () => {
  assert.deepEqual(invalidMessage(42), { reason: 'a message must be a JSON object', id: null });
  assert.deepEqual(invalidMessage([{ jsonrpc: '2.0', id: 1, method: 'x' }]), { reason: 'batches are not part of the Language Server Protocol', id: null });
  assert.deepEqual(invalidMessage({ jsonrpc: '2.0', id: 3, method: 7 }), { reason: "'method' must be a string", id: 3 });
  assert.deepEqual(invalidMessage({ jsonrpc: '2.0', id: { x: 1 }, method: 'x' }), { reason: "a request's 'id' must be a number or a string", id: null });
  assert.deepEqual(invalidMessage({ jsonrpc: '2.0', id: 'a', method: 'x', params: 5 }), { reason: "'params' must be an object or an array", id: 'a' });
  assert.deepEqual(invalidMessage({ jsonrpc: '2.0', id: 4 }), { reason: 'neither a request, a notification nor a response', id: null });
  for (const ok of [
    { jsonrpc: '2.0', id: 1, method: 'x', params: {} },
    { jsonrpc: '2.0', id: 'b', method: 'x', params: null },
    { jsonrpc: '2.0', method: 'n' },
    { jsonrpc: '2.0', id: 1, result: null },
    { jsonrpc: '2.0', id: null, error: { code: 1, message: 'm' } },
  ]) {
    assert.equal(invalidMessage(ok), undefined, JSON.stringify(ok));
  }
});
