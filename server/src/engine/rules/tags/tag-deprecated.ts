import { formatTag, lookupTag, type CatalogEntry } from '../../catalog';
import { lessonRule } from '../../rule';
import { recognizedTags } from './analyze';

/** "MITRE ATLAS AML.T0048.004 (External Harms: AI Intellectual Property Theft)", also for IDs known only upstream. */
function replacementLabel(retired: CatalogEntry, replacedBy: string): string {
  const tag = { framework: retired.framework, id: replacedBy, canonical: formatTag(retired.framework, replacedBy) };
  const found = lookupTag(tag);
  if (found.status === 'found' || found.status === 'deprecated') {
    return `${tag.canonical} (${found.entry.displayName ?? found.entry.name})`;
  }
  if (found.status === 'not-in-pinned-catalog' && found.upstreamName) return `${tag.canonical} (${found.upstreamName})`;
  return tag.canonical;
}

function messageFor(entry: CatalogEntry): string {
  const written = `${formatTag(entry.framework, entry.id)} (${entry.name})`;
  const upstream = entry.deprecationSource === 'upstream-delta';
  const since = entry.deprecatedSince ? ` since ${entry.frameworkName} ${entry.deprecatedSince}` : '';
  const retired = upstream
    ? `${written} is retired upstream${since} (an unverified record; the pinned ${entry.edition} catalog still has it)`
    : `${written} is retired${since}`;
  const instead = entry.replacedBy
    ? `use ${replacementLabel(entry, entry.replacedBy)} instead`
    : 'it has no direct replacement; choose a current ID';
  return `${retired}; ${instead}`;
}

/** §3: a retired ID (a warning: the tag still points somewhere real). */
export default lessonRule({
  meta: {
    id: 'tag-deprecated',
    description: 'A framework tag names a retired (deprecated) ID; the message names its replacement.',
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '3',
  },
  check({ lesson, template, report }) {
    for (const tag of recognizedTags(lesson, template)) {
      if (tag.lookup.status !== 'deprecated') continue;
      report({ message: messageFor(tag.lookup.entry), span: tag.ref.span, tags: ['deprecated'] });
    }
  },
});
