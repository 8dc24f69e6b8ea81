/** Quiz items: `Q: …` and `A: …` inside each item of an ordered list. */
import { linesOf, trimmedText } from '../text';
import type { ListModel, QuizItem, QuizPart } from '../types';

const QUIZ_LABEL = /^(?:\*\*|__)?([QA])(?:\*\*|__)?\s*:(?:\*\*|__)?/;
const INLINE_ANSWER = /\s(?:\*\*|__)?A(?:\*\*|__)?\s*:(?:\*\*|__)?/;

function quizPart(source: string, labelStart: number, labelEnd: number, end: number): QuizPart {
  return {
    label: { value: source.slice(labelStart, labelEnd), span: { start: labelStart, end: labelEnd } },
    text: trimmedText(source, labelEnd, end),
  };
}

export function readQuiz(list: ListModel, source: string): QuizItem[] {
  return list.items.map((item) => {
    const quizItem: QuizItem = { item };
    const lines = linesOf(source, item.contentSpan.start, item.contentSpan.end);
    lines.forEach((line, index) => {
      const lead = line.value.length - line.value.trimStart().length;
      const match = QUIZ_LABEL.exec(line.value.slice(lead));
      if (!match) return;
      const labelStart = line.span.start + lead;
      const labelEnd = labelStart + match[0].length;
      // A part runs to the next labelled line (continuation lines belong to it).
      let end = item.contentSpan.end;
      for (const next of lines.slice(index + 1)) {
        if (QUIZ_LABEL.test(next.value.trimStart())) {
          end = next.span.start;
          break;
        }
      }
      if (match[1] === 'Q' && !quizItem.question) {
        const rest = source.slice(labelEnd, end);
        const inline = INLINE_ANSWER.exec(rest);
        if (inline && !quizItem.answer) {
          const answerLabelStart = labelEnd + inline.index + 1;
          const answerLabelEnd = labelEnd + inline.index + inline[0].length;
          quizItem.question = quizPart(source, labelStart, labelEnd, labelEnd + inline.index);
          quizItem.answer = quizPart(source, answerLabelStart, answerLabelEnd, end);
        } else {
          quizItem.question = quizPart(source, labelStart, labelEnd, end);
        }
      } else if (match[1] === 'A' && !quizItem.answer) {
        quizItem.answer = quizPart(source, labelStart, labelEnd, end);
      }
    });
    return quizItem;
  });
}
