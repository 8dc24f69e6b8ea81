/** Production notes: the `Recording: ~X min. Cap Y.` line. */
import type { ListModel, RecordingLine } from '../types';
import { MINUTES_DECLARED, firstLine, numberIn } from './common';

const RECORDING = /^(?:\*\*)?recording(?:\*\*)?\s*:/i;
// No two stars over the same spaces (that would backtrack quadratically on a long line).
const CAP = /\bcap(?:\s+at)?\s*(~\s*)?(\d{1,6}(?:\.\d{1,3})?)/i;

export function readRecording(list: ListModel, source: string): RecordingLine | undefined {
  for (const item of list.items) {
    const line = firstLine(item, source);
    if (!RECORDING.test(line.value.trimStart())) continue;
    const recording: RecordingLine = { span: line.span };
    const minutes = numberIn(MINUTES_DECLARED, line);
    if (minutes) recording.minutes = minutes;
    const cap = numberIn(CAP, line);
    if (cap) recording.cap = cap;
    return recording;
  }
  return undefined;
}
