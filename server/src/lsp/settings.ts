/**
 * Client settings (`lessonlint.*`) and the server's internal tuning knobs.
 *
 * Settings come from `workspace/configuration` (per resource) when the client
 * supports it, otherwise from the payload of `workspace/didChangeConfiguration`
 * or from `initializationOptions.settings`. Missing or malformed values fall
 * back to the defaults, so a client that sends nothing gets a working server.
 */
import { DOCS_BASE_URL } from '../formats/docs-url';

export type RunMode = 'onType' | 'onSave';

export interface LessonlintSettings {
  /** Diagnostics, quick fixes and code lenses; navigation features stay on. */
  enable: boolean;
  /** Re-lint while typing, or only when the document is saved. */
  run: RunMode;
  /** Base URL of the rule docs pages; a diagnostic links to `<docsBaseUrl><rule-id>.md`. */
  docsBaseUrl: string;
}

export const DEFAULT_SETTINGS: Readonly<LessonlintSettings> = Object.freeze({
  enable: true,
  run: 'onType',
  docsBaseUrl: DOCS_BASE_URL,
});

/** The settings section the server asks for. `lessonlint.trace.server` is read by the client. */
export const SETTINGS_SECTION = 'lessonlint';

/** Reads a `lessonlint` settings object as sent by a client; unknown or ill-typed values take the default. */
export function parseSettings(raw: unknown): LessonlintSettings {
  const settings: LessonlintSettings = { ...DEFAULT_SETTINGS };
  if (!raw || typeof raw !== 'object') return settings;
  const value = raw as Record<string, unknown>;
  if (typeof value.enable === 'boolean') settings.enable = value.enable;
  if (value.run === 'onType' || value.run === 'onSave') settings.run = value.run;
  if (typeof value.docsBaseUrl === 'string' && value.docsBaseUrl.trim() !== '') {
    const base = value.docsBaseUrl.trim();
    settings.docsBaseUrl = base.endsWith('/') ? base : `${base}/`;
  }
  return settings;
}

/**
 * Tuning that is not a user setting: tests and the benchmark pass these in
 * `initializationOptions` (`debounceMs`, `maxLessonLength`, `lintBudgetMs`).
 */
export interface ServerTuning {
  /** Quiet time after the last edit before a document is re-linted. */
  debounceMs: number;
  /**
   * Lessons longer than this (UTF-16 code units, about bytes for prose) get
   * one "too large" diagnostic instead of being parsed, so that one huge file
   * cannot stall the server.
   */
  maxLessonLength: number;
  /**
   * How long one lint may run before the Node server stops it and reports
   * the lesson as not checked (the browser server lints in its own thread
   * and cannot stop a lint).
   */
  lintBudgetMs: number;
}

export const DEFAULT_TUNING: Readonly<ServerTuning> = Object.freeze({
  debounceMs: 150,
  maxLessonLength: 2 * 1024 * 1024,
  lintBudgetMs: 5000,
});

export function parseTuning(initializationOptions: unknown): ServerTuning {
  const tuning: ServerTuning = { ...DEFAULT_TUNING };
  if (!initializationOptions || typeof initializationOptions !== 'object') return tuning;
  const value = initializationOptions as Record<string, unknown>;
  if (typeof value.debounceMs === 'number' && value.debounceMs >= 0) tuning.debounceMs = value.debounceMs;
  if (typeof value.maxLessonLength === 'number' && value.maxLessonLength > 0) tuning.maxLessonLength = value.maxLessonLength;
  if (typeof value.lintBudgetMs === 'number' && value.lintBudgetMs > 0) tuning.lintBudgetMs = value.lintBudgetMs;
  return tuning;
}

/**
 * Settings per resource. With `workspace/configuration` each scope (a
 * workspace folder, or a file outside every folder) is asked once and cached
 * until the client says the settings changed; otherwise one global value,
 * from `initializationOptions.settings` and `didChangeConfiguration`.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<LessonlintSettings>>();
  private global: LessonlintSettings;

  constructor(
    /** Asks the client for the `lessonlint` section of a scope; undefined when the client cannot be asked. */
    private readonly askClient: ((scopeUri: string) => Promise<unknown>) | undefined,
    initial: unknown,
    private readonly log: (message: string) => void,
  ) {
    this.global = parseSettings(initial);
  }

  settingsFor(scopeUri: string): Promise<LessonlintSettings> {
    const askClient = this.askClient;
    if (!askClient) return Promise.resolve(this.global);
    let settings = this.cache.get(scopeUri);
    if (!settings) {
      settings = askClient(scopeUri).then(
        (raw) => parseSettings(raw ?? undefined),
        (error: unknown) => {
          this.log(`lessonlint: reading settings for ${scopeUri} failed: ${String(error)}`);
          return this.global;
        },
      );
      this.cache.set(scopeUri, settings);
    }
    return settings;
  }

  /** `workspace/didChangeConfiguration`: forget what was asked; take the pushed value when there is one. */
  changed(payload: unknown): void {
    this.cache.clear();
    const section = payload && typeof payload === 'object' ? (payload as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
    if (section !== undefined) this.global = parseSettings(section);
  }
}
