/**
 * Entry of the Node language server (`dist/server/node.js`):
 * `lessonlint-language-server --stdio`, or `--node-ipc` as the VS Code client
 * starts it (`--socket=<port>` and `--pipe=<name>` work too). Files are read
 * from disk; the course folders are watched through the client, or with
 * fs.watch when the client cannot watch files.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES } from '../config/index';
import type { HostFileChange, LessonlintHost } from './host';
import { FileSystemPaths, isMarkdownPath } from './paths';
import { SERVER_NAME, startServer } from './server';

/** Folders never searched for lessons. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);
/** A workspace bigger than this is not a course; stop listing rather than walk a whole disk. */
const MAX_FILES = 50_000;

class NodeHost implements LessonlintHost {
  readonly paths = new FileSystemPaths();

  async readFile(path: string): Promise<string | undefined> {
    try {
      return await readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  async listFiles(folderPath: string): Promise<string[]> {
    const files: string[] = [];
    const pending = [folderPath];
    while (pending.length > 0 && files.length < MAX_FILES) {
      const dir = pending.pop()!;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        const path = `${dir.endsWith('/') ? dir : `${dir}/`}${entry.name}`;
        if (entry.isDirectory()) {
          // Hidden folders (.git, .vscode…) and build output hold no lessons.
          if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
        } else if (entry.isFile() && (isMarkdownPath(entry.name) || CONFIG_FILE_NAMES.includes(entry.name))) {
          files.push(path);
        }
      }
    }
    return files.sort();
  }

  watchFolders(folderPaths: readonly string[], onChange: (changes: HostFileChange[]) => void): () => void {
    const watchers: FSWatcher[] = [];
    let batch = new Map<string, HostFileChange>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const changes = [...batch.values()];
      batch = new Map();
      onChange(changes);
    };
    for (const folder of folderPaths) {
      try {
        watchers.push(
          watch(folder, { recursive: true }, (_event, name) => {
            if (!name) return;
            const path = `${folder}/${name.replace(/\\/g, '/')}`;
            batch.set(path, { path, kind: existsSync(path) ? 'changed' : 'deleted' });
            timer ??= setTimeout(flush, 100);
          }),
        );
      } catch {
        // Recursive watching is not available here; the course then updates only from open documents.
      }
    }
    return () => {
      for (const watcher of watchers) watcher.close();
      if (timer) clearTimeout(timer);
    };
  }
}

const TRANSPORTS = ['--stdio', '--node-ipc'];
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    `Usage: ${SERVER_NAME} [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]\n\n` +
      'The Lessonlint language server. Speaks the Language Server Protocol; with no\n' +
      'transport option it talks over stdin/stdout. See docs/language-server.md.\n',
  );
} else {
  const explicitTransport = args.some((a) => TRANSPORTS.includes(a) || a.startsWith('--socket=') || a.startsWith('--pipe='));
  const connection = explicitTransport
    ? createConnection(ProposedFeatures.all)
    : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection, new NodeHost());
}
