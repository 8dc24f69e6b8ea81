/**
 * Document URIs ↔ the paths the engine, the config loader and the course
 * index work with: '/'-separated absolute paths ("/home/a/x.md",
 * "C:/course/x.md"), as server/src/config's FileHost speaks them. The Node
 * server maps `file:` URIs to file-system paths; the browser server uses the
 * URI's path and remembers each folder's scheme and authority to rebuild URIs.
 * A URI that maps to no path (`untitled:`, a `git:` diff view) is linted on
 * its own, outside the course.
 */
import { URI } from 'vscode-uri';

export interface PathMapper {
  /** The course path of a URI, or undefined when the URI is not a course file. */
  toPath(uri: string): string | undefined;
  /** The URI of a path; the client's own spelling when it sent one. */
  toUri(path: string): string;
  /** Registers a workspace folder; returns its path (undefined when it cannot hold course files). */
  addFolder(uri: string): string | undefined;
}

abstract class RememberingMapper implements PathMapper {
  /** URIs as the client spelled them, so that diagnostics go back to the same string. */
  private readonly clientUris = new Map<string, string>();

  toPath(uri: string): string | undefined {
    const path = this.pathOf(URI.parse(uri));
    if (path !== undefined) this.clientUris.set(path, uri);
    return path;
  }

  toUri(path: string): string {
    return this.clientUris.get(path) ?? this.uriOf(path);
  }

  addFolder(uri: string): string | undefined {
    return this.toPath(uri);
  }

  protected abstract pathOf(uri: URI): string | undefined;
  protected abstract uriOf(path: string): string;
}

/** Node: `file:` URIs and file-system paths, with '/' separators on every platform. */
export class FileSystemPaths extends RememberingMapper {
  protected pathOf(uri: URI): string | undefined {
    return uri.scheme === 'file' ? uri.fsPath.replace(/\\/g, '/') : undefined;
  }

  protected uriOf(path: string): string {
    return URI.file(path).toString();
  }
}

/**
 * Browser: any scheme a workspace folder uses (`vscode-vfs:`, `memfs:`,
 * `file:`), the URI's path standing for the file path.
 */
export class UriPaths extends RememberingMapper {
  private readonly bases: URI[] = [];

  override addFolder(uri: string): string | undefined {
    const parsed = URI.parse(uri);
    if (parsed.scheme === 'untitled') return undefined;
    if (!this.bases.some((b) => b.scheme === parsed.scheme && b.authority === parsed.authority)) this.bases.push(parsed);
    return super.addFolder(uri);
  }

  protected pathOf(uri: URI): string | undefined {
    return this.bases.some((b) => b.scheme === uri.scheme && b.authority === uri.authority) ? uri.path : undefined;
  }

  protected uriOf(path: string): string {
    const base = this.bases[0];
    return base ? base.with({ path }).toString() : URI.file(path).toString();
  }
}

/** Whether `path` is `folder` or lies below it. */
export function isInside(path: string, folder: string): boolean {
  if (path === folder) return true;
  if (!path.startsWith(folder)) return false;
  return folder.endsWith('/') || path[folder.length] === '/';
}

export function isMarkdownPath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower.endsWith('.md') || lower.endsWith('.markdown');
}
