import { lessonRule } from '../../rule';
import { recognizedTags } from './analyze';

/**
 * §3: an ATLAS ID that is newer than the pinned catalog but recorded in the
 * (unverified) upstream delta. It most likely exists, so this is a warning
 * and not tag-unknown-id's error.
 */
export default lessonRule({
  meta: {
    id: 'tag-upstream-only',
    description: 'A MITRE ATLAS tag names an ID that the pinned ATLAS catalog lacks but a newer upstream release is known to have.',
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '3',
  },
  check({ lesson, template, report }) {
    for (const tag of recognizedTags(lesson, template)) {
      if (tag.lookup.status !== 'not-in-pinned-catalog') continue;
      const release = tag.lookup.upstreamRelease ?? 'a later release';
      const name = tag.lookup.upstreamName ? `: ${tag.lookup.upstreamName}` : '';
      report({
        message:
          `${tag.parse.tag.id} is not in the pinned ATLAS ${tag.edition} catalog, but is known upstream (${release})${name}; ` +
          'the upstream record is unverified, so confirm the ID on atlas.mitre.org',
        span: tag.ref.span,
      });
    }
  },
});
