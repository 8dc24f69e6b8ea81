/** Learning objectives: an ordered list whose items start with a verb. */
import type { ListModel, Objective } from '../types';

const VERB = /^[\p{L}][\p{L}'\u2019-]*/u;

export function readObjectives(list: ListModel, source: string): Objective[] {
  return list.items.map((item) => {
    const head = source.slice(item.contentSpan.start, Math.min(item.contentSpan.end, item.contentSpan.start + 80));
    const match = VERB.exec(head.replace(/^[*_]+/, (m) => ' '.repeat(m.length)).trimStart());
    if (!match) return { ...item };
    const at = item.contentSpan.start + head.indexOf(match[0]);
    return { ...item, verb: { value: match[0], span: { start: at, end: at + match[0].length } } };
  });
}
