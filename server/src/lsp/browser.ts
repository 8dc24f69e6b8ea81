/**
 * Entry of the browser language server (`dist/server/browser.js`), run by the
 * VS Code web client as a dedicated worker. The same features as the Node
 * server; files come from the client (READ_FILE_REQUEST, LIST_FILES_REQUEST),
 * never from `fs`.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, type Connection } from 'vscode-languageserver/browser';
import {
  LIST_FILES_REQUEST,
  READ_FILE_REQUEST,
  type ListFilesParams,
  type ListFilesResult,
  type ReadFileParams,
  type ReadFileResult,
} from '../protocol';
import type { LessonlintHost } from './host';
import { UriPaths } from './paths';
import { startServer } from './server';

class BrowserHost implements LessonlintHost {
  readonly paths = new UriPaths();

  constructor(private readonly connection: Connection) {}

  async readFile(path: string): Promise<string | undefined> {
    try {
      const params: ReadFileParams = { uri: this.paths.toUri(path) };
      const text = await this.connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, params);
      return typeof text === 'string' ? text : undefined;
    } catch {
      return undefined;
    }
  }

  async listFiles(folderPath: string): Promise<string[]> {
    const params: ListFilesParams = { folderUri: this.paths.toUri(folderPath) };
    const uris = await this.connection.sendRequest<ListFilesResult>(LIST_FILES_REQUEST, params);
    return (uris ?? []).map((uri) => this.paths.toPath(uri)).filter((p): p is string => p !== undefined);
  }
}

// The worker's global scope is the message port to the client.
const port = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(port), new BrowserMessageWriter(port));
startServer(connection, new BrowserHost(connection));
