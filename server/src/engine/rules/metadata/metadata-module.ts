import { lessonRule } from '../../rule';
import { describeField, fieldsOf, isExactlyWritten, lessonIdOf, readModule, shown } from './fields';

/** §2: Module is `Module N — Title`, N the first number of the lesson ID. */
export default lessonRule({
  meta: {
    id: 'metadata-module',
    description: "The Module field is 'Module N — Title', with N the first number of the lesson ID and a title.",
    defaultSeverity: 'error',
    fixable: true,
    specSection: '2',
  },
  check({ lesson, report }) {
    const id = lessonIdOf(lesson);
    for (const field of fieldsOf(lesson, 'module')) {
      const written = field.value.value;
      // An empty field is metadata-missing-field's finding.
      if (!written) continue;
      const name = describeField(field);
      const exact = isExactlyWritten(lesson, field.value);
      const module = readModule(field.value);
      if (!module) {
        // A bare title ("Data Poisoning, …") lacks only its "Module N — ", which the lesson ID gives.
        const insertable = id && exact && !/\d/.test(written);
        report({
          message: `${name} '${shown(written)}' is not 'Module N — Title'; expected '${id ? `Module ${id.parts[0]}` : 'Module N'} — ${insertable ? shown(written) : '<module title>'}'`,
          span: field.value.span,
          ...(insertable
            ? { fix: { title: `Insert 'Module ${id.parts[0]} — '`, edits: [{ span: { start: field.value.span.start, end: field.value.span.start }, text: `Module ${id.parts[0]} — ` }] } }
            : {}),
        });
        continue;
      }
      if (module.word.value !== 'Module') {
        report({
          message: `${name} '${shown(written)}' writes '${module.word.value}'; expected 'Module'`,
          span: exact ? module.word.span : field.value.span,
          ...(exact ? { fix: { title: "Write 'Module'", edits: [{ span: module.word.span, text: 'Module' }] } } : {}),
        });
      }
      if (id && module.number.number !== id.parts[0]) {
        report({
          message: `${name} '${shown(written)}' names module ${module.number.value} but the lesson ID ${id.text.value} is in module ${id.parts[0]}; expected 'Module ${id.parts[0]}'`,
          span: exact ? module.number.span : field.value.span,
        });
      }
      if (!module.title.value.trim()) {
        report({
          message: `${name} '${shown(written)}' has no module title; expected 'Module ${module.number.value} — <module title>'`,
          span: field.value.span,
        });
      }
    }
  },
});
