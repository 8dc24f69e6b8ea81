import { lessonRule } from '../../rule';

/** §2: YAML front matter, when present, is a readable mapping of fields. */
export default lessonRule({
  meta: {
    id: 'front-matter-invalid',
    description: 'YAML front matter parses and is a mapping of fields (id, title, type, duration, status, module, frameworks).',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '2',
  },
  check({ lesson, report }) {
    const error = lesson.frontMatter?.error;
    if (!error) return;
    report({
      message: `The front matter cannot be read: ${error.message}; expected YAML 'key: value' lines such as 'type: Theory'`,
      span: error.span,
    });
  },
});
