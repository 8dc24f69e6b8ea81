/** A configuration file that cannot be used: unreadable, malformed or invalid. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly filePath: string;
  readonly line?: number;
  readonly column?: number;
  /** What is wrong, without the location ("unknown rule 'x' in rules …"). */
  readonly reason: string;

  constructor(filePath: string, reason: string, position?: { line: number; column: number }) {
    super(position ? `${filePath}:${position.line}:${position.column}: ${reason}` : `${filePath}: ${reason}`);
    this.filePath = filePath;
    this.reason = reason;
    if (position) {
      this.line = position.line;
      this.column = position.column;
    }
  }
}
