// Classifies what each incremental update of a PDF changed, by reading the appended objects as text.
// A signature stays valid when the updates after it only add signatures, their form fields and
// validation data (DSS); anything else (new pages, replaced content, new annotations) counts as a change.

export type Revision = {
  /** 1-based revision number. */
  index: number;
  /** Byte offset just past this revision's %%EOF (and its line end). */
  end: number;
};

export type RevisionChange = {
  revision: number;
  isSignatureOnly: boolean;
  /** Only appended pages at the end and attachments (a seal's completion pages): acceptable when a later signature covers it. */
  isAppendOnly: boolean;
  changes: string[];
};

type Change = { text: string; isAppend: boolean };
const change = (text: string): Change => ({ text, isAppend: false });
const append = (text: string): Change => ({ text, isAppend: true });

const LATIN1 = new TextDecoder('latin1');

/** Lists the revisions (original file plus one per incremental update) by their %%EOF markers. */
export function listRevisions(bytes: Uint8Array): Revision[] {
  const text = LATIN1.decode(bytes);
  const revisions: Revision[] = [];
  for (const match of text.matchAll(/%%EOF/g)) {
    let end = (match.index ?? 0) + 5;
    if (text[end] === '\r') end += 1;
    if (text[end] === '\n') end += 1;
    revisions.push({ index: revisions.length + 1, end });
  }
  return revisions;
}

type PdfObjectText = { number: number; dict: string; isStream: boolean };

function readObjects(text: string): PdfObjectText[] {
  const objects: PdfObjectText[] = [];
  for (const match of text.matchAll(/(\d+)\s+\d+\s+obj\b([\s\S]*?)\bendobj/g)) {
    const body = match[2] ?? '';
    const streamAt = body.search(/\bstream\r?\n/);
    objects.push({
      number: Number(match[1]),
      dict: streamAt >= 0 ? body.slice(0, streamAt) : body,
      isStream: streamAt >= 0,
    });
  }
  return objects;
}

/** Splits a dictionary's text into top-level key → value text with whitespace normalised. */
export function topLevelEntries(dict: string): Map<string, string> {
  const entries = new Map<string, string>();
  const start = dict.indexOf('<<');
  if (start < 0) return entries;
  const tokens: string[] = [];
  let depth = 0;
  let index = start;
  while (index < dict.length) {
    const rest = dict.slice(index);
    const token = /^(<<|>>|\[|\]|\/[^\s/<>[\]()]*|\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|[^\s/<>[\]()]+)/.exec(
      rest,
    )?.[0];
    if (!token) {
      index += 1;
      continue;
    }
    index += token.length;
    if (token === '<<' || token === '[') depth += 1;
    if (token === '>>' || token === ']') depth -= 1;
    if (depth === 0) break;
    tokens.push(token.replace(/\s+/g, ' '));
  }
  // tokens[0] is the opening "<<"; read key / value pairs at depth 1.
  let position = 1;
  const readValue = (): string => {
    const first = tokens[position] ?? '';
    position += 1;
    if (/^\d+$/.test(first) && /^\d+$/.test(tokens[position] ?? '') && tokens[position + 1] === 'R') {
      position += 2;
      return `${first} ${tokens[position - 2]} R`;
    }
    if (first !== '<<' && first !== '[') return first;
    const parts = [first];
    let level = 1;
    while (level > 0 && position < tokens.length) {
      const token = tokens[position] ?? '';
      position += 1;
      if (token === '<<' || token === '[') level += 1;
      if (token === '>>' || token === ']') level -= 1;
      parts.push(token);
    }
    return parts.join(' ');
  };
  while (position < tokens.length) {
    const key = tokens[position] ?? '';
    position += 1;
    entries.set(key, readValue());
  }
  return entries;
}

function typeOf(entries: Map<string, string>): string | undefined {
  return entries.get('/Type');
}

function isSameExcept(before: Map<string, string>, after: Map<string, string>, ignored: string[]): boolean {
  const keys = new Set([...before.keys(), ...after.keys()]);
  for (const key of keys) {
    if (ignored.includes(key)) continue;
    if (before.get(key) !== after.get(key)) return false;
  }
  return true;
}

const ANNOTATION_SUBTYPES =
  /^\/(Link|FreeText|Text|Stamp|Square|Circle|Line|Polygon|PolyLine|Ink|Highlight|Underline|StrikeOut|Squiggly|Caret|FileAttachment|Popup|Redact|Watermark|Screen|Movie|Sound|RichMedia)$/;

function describeNewObject(object: PdfObjectText, entries: Map<string, string>): Change | undefined {
  const type = typeOf(entries);
  if (type === '/Page') return append(`adds page object ${object.number}`);
  if (type === '/Pages') return change(`adds a page tree ${object.number}`);
  const isSignatureWidget = entries.get('/FT') === '/Sig';
  if (!isSignatureWidget && type === '/Annot') return change(`adds annotation ${object.number}`);
  if (!isSignatureWidget && ANNOTATION_SUBTYPES.test(entries.get('/Subtype') ?? '')) {
    return change(`adds annotation ${object.number}`);
  }
  if (entries.has('/JS') || entries.has('/OpenAction') || entries.has('/AA'))
    return change(`adds an action ${object.number}`);
  return undefined;
}

function describeRedefinition(
  object: PdfObjectText,
  entries: Map<string, string>,
  previous: PdfObjectText,
): Change | undefined {
  const before = topLevelEntries(previous.dict);
  const type = typeOf(entries);
  if (type === '/Sig' || type === '/DocTimeStamp' || type === '/XRef') return undefined;
  if (entries.get('/FT') === '/Sig') return undefined;
  if (type === '/Catalog' && isSameExcept(before, entries, ['/AcroForm', '/DSS', '/Perms'])) return undefined;
  if (type === '/Page' && isSameExcept(before, entries, ['/Annots'])) return undefined;
  if (type === '/Catalog' && isSameExcept(before, entries, ['/AcroForm', '/DSS', '/Perms', '/Names'])) {
    return append('adds attachments');
  }
  if (type === '/Pages' && isPagesAppend(before, entries)) return append(`appends pages to ${object.number}`);
  // The AcroForm dictionary: only its list of fields and signature flags may change.
  if (
    !object.isStream &&
    before.has('/Fields') &&
    isSameExcept(before, entries, ['/Fields', '/SigFlags', '/DR', '/DA', '/NeedAppearances'])
  ) {
    return undefined;
  }
  if (before.has('/Certs') || before.has('/VRI') || before.has('/OCSPs') || before.has('/CRLs'))
    return undefined;
  return change(`changes object ${object.number}${type ? ` (${type.slice(1)})` : ''}`);
}

// Pages added after the existing ones: the old /Kids are a prefix of the new, nothing else changed.
function isPagesAppend(before: Map<string, string>, after: Map<string, string>): boolean {
  const oldKids = before.get('/Kids')?.replace(/\s*\]$/, '');
  const newKids = after.get('/Kids');
  return Boolean(oldKids && newKids?.startsWith(oldKids)) && isSameExcept(before, after, ['/Kids', '/Count']);
}

/** Describes what the update from `start` to `end` changed; signature-only updates list no changes. */
export function describeUpdate(bytes: Uint8Array, start: number, end: number): Change[] {
  const prefix = LATIN1.decode(bytes.subarray(0, start));
  const section = LATIN1.decode(bytes.subarray(start, end));
  const earlier = new Map<number, PdfObjectText>();
  for (const object of readObjects(prefix)) earlier.set(object.number, object);
  const changes: Change[] = [];
  if (/\/Type\s*\/ObjStm/.test(section))
    changes.push(change('uses a compressed object stream that cannot be checked'));
  for (const object of readObjects(section)) {
    const entries = topLevelEntries(object.dict);
    const previous = earlier.get(object.number);
    const found = previous
      ? describeRedefinition(object, entries, previous)
      : describeNewObject(object, entries);
    if (found) changes.push(found);
  }
  return changes;
}

/** For each revision after `coveredEnd`, whether it only added signatures or really changed the file. */
export function changesAfter(bytes: Uint8Array, coveredEnd: number): RevisionChange[] {
  const result: RevisionChange[] = [];
  let start = coveredEnd;
  for (const revision of listRevisions(bytes)) {
    if (revision.end <= coveredEnd) continue;
    const changes = describeUpdate(bytes, start, revision.end);
    result.push({
      revision: revision.index,
      isSignatureOnly: changes.length === 0,
      isAppendOnly: changes.length > 0 && changes.every((item) => item.isAppend),
      changes: changes.map((item) => item.text),
    });
    start = revision.end;
  }
  if (start < bytes.length && LATIN1.decode(bytes.subarray(start)).trim() !== '') {
    result.push({
      revision: result.length + 1,
      isSignatureOnly: false,
      isAppendOnly: false,
      changes: ['bytes after the last %%EOF'],
    });
  }
  return result;
}
