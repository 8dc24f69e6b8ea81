import type { Rule } from '../../rule';
import keyTermDuplicate from './key-term-duplicate';
import keyTermFormat from './key-term-format';
import keyTermSeparator from './key-term-separator';
import keyTermsList from './key-terms-list';
import objectiveActionVerb from './objective-action-verb';
import objectiveVagueVerb from './objective-vague-verb';
import objectivesCount from './objectives-count';
import objectivesList from './objectives-list';
import objectivesNumbering from './objectives-numbering';
import quizAnswerMissing from './quiz-answer-missing';
import quizCount from './quiz-count';
import quizEmptyPart from './quiz-empty-part';
import quizList from './quiz-list';
import quizNumbering from './quiz-numbering';
import quizQuestionMissing from './quiz-question-missing';
import quizQuestionPunctuation from './quiz-question-punctuation';
import referenceArxivId from './reference-arxiv-id';
import referenceDuplicateUrl from './reference-duplicate-url';
import referenceHttps from './reference-https';
import referenceUrl from './reference-url';
import referencesList from './references-list';

export const contentRules: Rule[] = [
  // §5 Learning objectives
  objectivesList,
  objectivesNumbering,
  objectivesCount,
  objectiveVagueVerb,
  objectiveActionVerb,
  // §6 Key terms
  keyTermsList,
  keyTermFormat,
  keyTermSeparator,
  keyTermDuplicate,
  // §7 References
  referencesList,
  referenceUrl,
  referenceHttps,
  referenceArxivId,
  referenceDuplicateUrl,
  // §8 Quiz items
  quizList,
  quizNumbering,
  quizCount,
  quizQuestionMissing,
  quizAnswerMissing,
  quizEmptyPart,
  quizQuestionPunctuation,
];
