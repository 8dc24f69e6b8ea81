/**
 * The course in view: the header (CourseLesson) of every lesson of every
 * workspace folder, from open documents or from disk, and the course rules'
 * findings over them. Only headers are kept, never trees, so a course of
 * thousands of lessons stays small.
 *
 * A course is one workspace folder. Lessons under different config files may
 * run the course rules with different settings: the rules run once per
 * distinct configuration over the whole folder, and each lesson keeps the
 * findings of its own configuration.
 */
import { lintCourse, type CourseLesson, type LintMessage, type ResolvedConfig } from '../engine/index';

export interface IndexedLesson {
  lesson: CourseLesson;
  /** Workspace folder path; undefined for a file opened outside every folder. */
  folder: string | undefined;
  config: ResolvedConfig;
  /** Identifies the configuration (its file chain), so lessons that share one run the rules once. */
  configKey: string;
}

export class CourseIndex {
  private readonly entries = new Map<string, IndexedLesson>();
  /** JSON of what the course rules see of each lesson, to tell real changes from re-lints. */
  private readonly signatures = new Map<string, string>();
  private findings = new Map<string, LintMessage[]>();
  private findingSignatures = new Map<string, string>();
  private stale = false;

  lessons(): IndexedLesson[] {
    return [...this.entries.values()];
  }

  /**
   * Sets (or, with undefined, removes) a lesson's header. Returns whether
   * anything the course rules see changed; the findings are recomputed on the
   * next `refresh`.
   */
  set(path: string, entry: IndexedLesson | undefined): boolean {
    const signature = entry ? JSON.stringify([entry.lesson, entry.folder, entry.configKey]) : undefined;
    if (signature === this.signatures.get(path)) {
      // Same header; the config object may still be a reloaded copy of the same chain.
      if (entry) this.entries.set(path, entry);
      return false;
    }
    if (entry && signature !== undefined) {
      this.entries.set(path, entry);
      this.signatures.set(path, signature);
    } else {
      this.entries.delete(path);
      this.signatures.delete(path);
    }
    this.stale = true;
    return true;
  }

  /** Forces the course rules to run again (configuration changed). */
  invalidate(): void {
    this.stale = true;
  }

  /** Runs the course rules if a header changed; returns the paths whose course findings changed. */
  refresh(): Set<string> {
    const changed = new Set<string>();
    if (!this.stale) return changed;
    this.stale = false;
    const next = new Map<string, LintMessage[]>();
    for (const group of this.groups()) {
      const byFile = lintCourse(group.lessons, group.config);
      for (const path of group.own) {
        const messages = byFile.get(path);
        if (messages && messages.length > 0) next.set(path, messages);
      }
    }
    const nextSignatures = new Map<string, string>();
    for (const [path, messages] of next) nextSignatures.set(path, JSON.stringify(messages));
    for (const path of new Set([...this.findingSignatures.keys(), ...nextSignatures.keys()])) {
      if (this.findingSignatures.get(path) !== nextSignatures.get(path)) changed.add(path);
    }
    this.findings = next;
    this.findingSignatures = nextSignatures;
    return changed;
  }

  /** Course findings of one lesson (as of the last refresh). */
  findingsFor(path: string): readonly LintMessage[] {
    return this.findings.get(path) ?? [];
  }

  /** Every path that has course findings. */
  pathsWithFindings(): string[] {
    return [...this.findings.keys()];
  }

  /** Lessons whose ID is `id`, in path order. */
  lessonsWithId(id: string): IndexedLesson[] {
    return this.lessons()
      .filter((e) => e.lesson.id?.value === id)
      .sort((a, b) => a.lesson.filePath.localeCompare(b.lesson.filePath));
  }

  /**
   * The course findings that `path` would get if its header were `lesson`:
   * for checking that an edit (a suppression comment) changes only what it
   * should, without touching the index.
   */
  findingsWith(path: string, lesson: CourseLesson): LintMessage[] {
    const own = this.entries.get(path);
    if (!own) return [];
    const lessons = this.lessons()
      .filter((e) => e.folder === own.folder)
      .map((e) => (e.lesson.filePath === path ? lesson : e.lesson));
    return lintCourse(lessons, own.config).get(path) ?? [];
  }

  private groups(): Array<{ lessons: CourseLesson[]; config: ResolvedConfig; own: string[] }> {
    const byFolder = new Map<string | undefined, IndexedLesson[]>();
    for (const entry of this.entries.values()) {
      const list = byFolder.get(entry.folder) ?? [];
      list.push(entry);
      byFolder.set(entry.folder, list);
    }
    const groups: Array<{ lessons: CourseLesson[]; config: ResolvedConfig; own: string[] }> = [];
    for (const entries of byFolder.values()) {
      const lessons = entries.map((e) => e.lesson).sort((a, b) => a.filePath.localeCompare(b.filePath));
      const byConfig = new Map<string, { config: ResolvedConfig; own: string[] }>();
      for (const entry of entries) {
        const group = byConfig.get(entry.configKey) ?? { config: entry.config, own: [] };
        group.own.push(entry.lesson.filePath);
        byConfig.set(entry.configKey, group);
      }
      for (const group of byConfig.values()) groups.push({ lessons, ...group });
    }
    return groups;
  }
}
