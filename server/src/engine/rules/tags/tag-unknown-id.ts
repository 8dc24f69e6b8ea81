import { catalogSources, editionsOf, frameworks, getEntry, listEntries, type FrameworkKey } from '../../catalog';
import { lessonRule } from '../../rule';
import { recognizedTags, type RecognizedTag } from './analyze';

function frameworkName(key: FrameworkKey): string {
  return frameworks().find((f) => f.key === key)?.name ?? key;
}

function listOfEditions(key: FrameworkKey): string {
  const editions = editionsOf(key);
  return editions.length === 1 ? `only ${editions[0]}` : editions.join(', ');
}

/** "; its entries run LLM01…LLM10": an OWASP list is a short range, worth stating. */
function owaspRange(key: FrameworkKey, edition: string): string {
  const ids = listEntries({ framework: key, edition }).map((e) => e.id);
  return ids.length > 0 ? `; its entries run ${ids[0]}…${ids[ids.length - 1]}` : '';
}

/** For an unknown ATLAS sub-technique of a known technique, the ones that exist. */
function atlasHint(id: string, edition: string): string {
  const dot = id.indexOf('.', 'AML.'.length);
  if (dot < 0) return '';
  const parentId = id.slice(0, dot);
  const parent = getEntry('mitre-atlas', parentId, edition);
  if (!parent) return '';
  const subs = parent.subtechniques ?? [];
  return subs.length > 0
    ? `; ${parentId} (${parent.name}) has the sub-techniques ${subs.join(', ')}`
    : `; ${parentId} (${parent.name}) has no sub-techniques`;
}

function messageFor(tag: RecognizedTag): string | undefined {
  const { framework, id, canonical } = tag.parse.tag;
  // Most tags are known: the framework's name (a walk over the catalog) is only looked up for a message.
  if (tag.lookup.status !== 'unknown-edition' && tag.lookup.status !== 'unknown') return undefined;
  const name = frameworkName(framework);
  if (tag.lookup.status === 'unknown-edition') {
    return `${canonical}: the ${name} has no ${tag.lookup.edition} edition (known editions: ${listOfEditions(framework)})`;
  }
  if (framework === 'mitre-atlas') {
    const upstream = catalogSources().find((s) => s.kind === 'upstream-delta')?.edition;
    const upstreamNote = upstream ? `, nor among the upstream additions known up to ${upstream}` : '';
    return `${canonical} is not in the MITRE ATLAS ${tag.edition} catalog${upstreamNote}${atlasHint(id, tag.edition)}`;
  }
  return `${canonical} is not in the ${name}, ${tag.edition} edition${owaspRange(framework, tag.edition)}`;
}

/** §3: an ID the catalog does not have, or an OWASP edition that does not exist. */
export default lessonRule({
  meta: {
    id: 'tag-unknown-id',
    description: "Every framework tag's ID exists in that framework's catalog, in the edition the tag refers to.",
    defaultSeverity: 'error',
    fixable: false,
    specSection: '3',
  },
  check({ lesson, template, report }) {
    for (const tag of recognizedTags(lesson, template)) {
      const message = messageFor(tag);
      if (message) report({ message, span: tag.ref.span });
    }
  },
});
