import fc from 'fast-check';
import JSZip from 'jszip';

/**
 * Mutations of a valid workbook, at every level a damaged or hostile file can differ: a cell's value,
 * a shared string, a number format, a cell or row reference, a cell's type, raw bytes inside a part,
 * the zip's entries, and the zip's own bytes. Each is a description fast-check can shrink and print.
 */
export type Mutation =
  | { kind: 'value'; pick: number; text: string }
  | { kind: 'sharedString'; pick: number; text: string }
  | { kind: 'numFmt'; pick: number; code: string }
  | { kind: 'reference'; pick: number; ref: string }
  | { kind: 'cellType'; pick: number; type: string }
  | { kind: 'partBytes'; part: number; edits: { at: number; op: 'flip' | 'insert' | 'delete'; byte: number }[] }
  | { kind: 'entry'; part: number; op: 'remove' | 'empty' | 'swap' | 'rename'; other: number }
  | { kind: 'zipBytes'; edits: { at: number; byte: number }[]; truncate: number | null };

const awkward = fc.constantFrom(
  '', ' ', '-', '-0', '£', '£k', '£-5k', '£2,27l', '(289)', '1e400', 'NaN', 'Infinity', '-1', '0.125', '99999999999999999',
  '#REF!', '#DIV/0!', '=1+1', '+1', '@A1', '↑', '↔↔', '~Residential', 'Accommodation based subtotal', 'Total for expenditure',
  'Care Contributions', 'DoT', 'Service Type', 'Key activity data at the end of March 2020 for Autism', '\u0000', '\uffff', '<', '&amp;', ']]>',
);
const text = fc.oneof(awkward, fc.string({ maxLength: 40 }), fc.integer().map(String), fc.double().map(String));

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('value' as const), pick: fc.nat(), text }),
  fc.record({ kind: fc.constant('sharedString' as const), pick: fc.nat(), text }),
  fc.record({ kind: fc.constant('numFmt' as const), pick: fc.nat(), code: fc.oneof(fc.stringMatching(/^[0#,.;"£k[\]$\-\\ %?/emdy@_*]{0,24}$/), awkward) }),
  fc.record({ kind: fc.constant('reference' as const), pick: fc.nat(), ref: fc.constantFrom('', 'A0', 'ZZZZ1', 'XFD1048576', 'A99999999', '1A', 'a1', 'B', '-1', 'A1:B2') }),
  fc.record({ kind: fc.constant('cellType' as const), pick: fc.nat(), type: fc.constantFrom('s', 'str', 'inlineStr', 'b', 'e', 'n', 'd', 'x', '') }),
  fc.record({
    kind: fc.constant('partBytes' as const),
    part: fc.nat(),
    edits: fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('flip' as const, 'insert' as const, 'delete' as const), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('entry' as const), part: fc.nat(), op: fc.constantFrom('remove' as const, 'empty' as const, 'swap' as const, 'rename' as const), other: fc.nat() }),
  fc.record({
    kind: fc.constant('zipBytes' as const),
    edits: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
    truncate: fc.option(fc.nat(), { nil: null }),
  }),
);

function nth<T>(items: readonly T[], pick: number): T | undefined {
  return items.length ? items[pick % items.length] : undefined;
}

/** Replaces the `pick`-th match of `pattern` in the part by `replace(match)`. */
function replaceNth(xml: string, pattern: RegExp, pick: number, replace: (m: RegExpExecArray) => string): string {
  const matches = [...xml.matchAll(new RegExp(pattern.source, 'g'))];
  const m = nth(matches, pick);
  if (!m || m.index === undefined) return xml;
  return xml.slice(0, m.index) + replace(m as RegExpExecArray) + xml.slice(m.index + m[0].length);
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export async function applyMutation(valid: Buffer, m: Mutation): Promise<Buffer> {
  if (m.kind === 'zipBytes') {
    const out = Buffer.from(valid);
    for (const e of m.edits) out[e.at % out.length] = e.byte;
    return m.truncate === null ? out : out.subarray(0, m.truncate % out.length);
  }
  const zip = await JSZip.loadAsync(valid);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort();
  const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const edit = async (name: string | undefined, change: (xml: string) => string) => {
    if (!name) return;
    zip.file(name, change(await zip.file(name)!.async('string')));
  };
  const sheet = nth(sheets, m.kind === 'partBytes' || m.kind === 'entry' ? 0 : (m as { pick: number }).pick >> 8);
  switch (m.kind) {
    case 'value':
      await edit(sheet, (xml) => replaceNth(xml, /<v>[^<]*<\/v>/, m.pick, () => `<v>${escape(m.text)}</v>`));
      break;
    case 'sharedString':
      // Sometimes unescaped, so the shared strings themselves become malformed.
      await edit('xl/sharedStrings.xml', (xml) => replaceNth(xml, /<t( [^>]*)?>[^<]*<\/t>/, m.pick, () => `<t>${m.pick % 3 === 0 ? m.text : escape(m.text)}</t>`));
      break;
    case 'numFmt':
      await edit('xl/styles.xml', (xml) => replaceNth(xml, /formatCode="[^"]*"/, m.pick, () => `formatCode="${escape(m.code).replace(/"/g, '&quot;')}"`));
      break;
    case 'reference':
      await edit(sheet, (xml) => replaceNth(xml, /<(c|row) r="[^"]*"/, m.pick, (x) => `<${x[1]} r="${m.ref}"`));
      break;
    case 'cellType':
      await edit(sheet, (xml) => replaceNth(xml, /<c r="([A-Z]+\d+)"( s="\d+")?( t="[^"]*")?/, m.pick, (x) => `<c r="${x[1]}"${x[2] ?? ''} t="${m.type}"`));
      break;
    case 'partBytes': {
      const name = nth(names, m.part)!;
      const bytes = Buffer.from(await zip.file(name)!.async('nodebuffer'));
      let out = bytes;
      for (const e of m.edits) {
        const at = out.length ? e.at % out.length : 0;
        if (e.op === 'flip') out[at] = (out[at] ?? 0) ^ (e.byte || 1);
        else if (e.op === 'insert') out = Buffer.concat([out.subarray(0, at), Buffer.from([e.byte]), out.subarray(at)]);
        else out = Buffer.concat([out.subarray(0, at), out.subarray(at + 1)]);
      }
      zip.file(name, out);
      break;
    }
    case 'entry': {
      const name = nth(names, m.part)!;
      const other = nth(names, m.other)!;
      if (m.op === 'remove') zip.remove(name);
      else if (m.op === 'empty') zip.file(name, '');
      else if (m.op === 'swap') {
        const [a, b] = await Promise.all([zip.file(name)!.async('nodebuffer'), zip.file(other)!.async('nodebuffer')]);
        zip.file(name, b);
        zip.file(other, a);
      } else {
        const data = await zip.file(name)!.async('nodebuffer');
        zip.remove(name);
        zip.file(`${name}.old`, data);
      }
      break;
    }
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
