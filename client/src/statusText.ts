/** The status bar item's text and tooltip. Pure (no `vscode`), for tests. */
import type { PreviewModel } from '../../server/src/protocol';
import { formatMinutes } from './preview/render';

export interface LessonCounts {
  errors: number;
  warnings: number;
}

/** E.g. "$(book) L4.2.2 ~4.2/4.5 min $(error) 0". */
export function statusText(model: PreviewModel, counts: LessonCounts): string {
  const minutes =
    model.estimatedMinutes === undefined
      ? ''
      : model.declaredMinutes === undefined
        ? ` ~${formatMinutes(model.estimatedMinutes)} min`
        : ` ~${formatMinutes(model.estimatedMinutes)}/${formatMinutes(model.declaredMinutes)} min`;
  return `$(book) ${model.id ?? 'lesson'}${minutes} $(error) ${counts.errors}`;
}

export function statusTooltip(model: PreviewModel, counts: LessonCounts): string {
  const lines = [`Lessonlint: ${model.id ?? 'lesson'}${model.title ? ` — ${model.title}` : ''}`];
  if (model.estimatedMinutes !== undefined) {
    lines.push(`Video script: ${model.totalWords} spoken words, about ${formatMinutes(model.estimatedMinutes)} min to say.`);
  }
  if (model.declaredMinutes !== undefined) lines.push(`Declared: ~${formatMinutes(model.declaredMinutes)} min.`);
  if (model.duration) lines.push(`Duration: ${model.duration}.`);
  lines.push(`${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}.`);
  lines.push('Click to open the Lesson Preview.');
  return lines.join('\n');
}
