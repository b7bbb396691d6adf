// Walks every object of a parsed PDF (reachable from the trailer, then any other object the file
// defines, including those packed in object streams) and reports what makes a document active or signed.
import {
  type PDF,
  PdfArray,
  PdfDict,
  PdfName,
  type PdfObject,
  PdfRef,
  PdfStream,
  PdfString,
} from '@libpdf/core';

/** Where in the document something was found, in both languages ("第 3 页的注释" / "page 3 annotation"). */
export type PdfPlace = { zh: string; en: string };

export type ContentFindingKind =
  | 'javascript'
  | 'javascript-names'
  | 'launch'
  | 'submit-form'
  | 'import-data'
  | 'remote-file'
  | 'action'
  | 'uri'
  | 'embedded-file'
  | 'media'
  | 'xfa'
  | 'signature';

export type ContentFinding = { kind: ContentFindingKind; place: PdfPlace; detail?: string };

// Only actions that move within the document or open a web or mail address are harmless in a signed file.
const HARMLESS_ACTIONS = new Set(['GoTo', 'Named', 'URI']);
const SAFE_URI = /^\s*(https?:|mailto:)/i;
// Keys whose value is an action (or an array of actions); every value of an /AA dictionary is one too.
const ACTION_KEYS = new Set(['A', 'OpenAction', 'Next', 'PA']);
const MEDIA_SUBTYPES = new Set(['RichMedia', 'Movie', 'Sound', 'Screen', '3D']);
const ACTION_KINDS: Record<string, ContentFindingKind> = {
  JavaScript: 'javascript',
  Launch: 'launch',
  SubmitForm: 'submit-form',
  ImportData: 'import-data',
  GoToR: 'remote-file',
  GoToE: 'remote-file',
};
/** A walk that visits more objects than this is refused rather than left to run. */
export const MAX_OBJECTS = 500_000;

export class TooManyObjectsError extends Error {}

const nameOf = (value: PdfObject | undefined): string | undefined =>
  value instanceof PdfName ? value.value : undefined;

const textOf = (value: PdfObject | undefined): string | undefined =>
  value instanceof PdfString ? value.asString() : undefined;

/** What one dictionary is, on its own: an action, a file, media, a signature, document JavaScript. */
function inspectDict(dict: PdfDict, isAction: boolean, resolve: (ref: PdfRef) => PdfObject | null) {
  const found: { kind: ContentFindingKind; detail?: string }[] = [];
  const get = (key: string) => {
    const value = dict.get(key);
    return value instanceof PdfRef ? (resolve(value) ?? undefined) : value;
  };
  const type = nameOf(get('Type'));
  const subtype = nameOf(get('Subtype'));
  if (isAction || type === 'Action') {
    const action = nameOf(get('S'));
    if (action && !HARMLESS_ACTIONS.has(action))
      found.push({ kind: ACTION_KINDS[action] ?? 'action', detail: action });
    const uri = textOf(get('URI'));
    if (action === 'URI' && uri !== undefined && !SAFE_URI.test(uri))
      found.push({ kind: 'uri', detail: uri.slice(0, 60) });
  }
  if (dict.has('JS') && !found.some((item) => item.kind === 'javascript')) found.push({ kind: 'javascript' });
  // The catalog's /Names is a dictionary of name trees; a tree node's own /Names is an array.
  const names = get('Names');
  if (names instanceof PdfDict && names.has('JavaScript')) found.push({ kind: 'javascript-names' });
  if (type === 'EmbeddedFile' || dict.has('EF'))
    found.push({ kind: 'embedded-file', detail: fileName(dict) });
  if (subtype && MEDIA_SUBTYPES.has(subtype) && (type === 'Annot' || dict.has('Rect')))
    found.push({ kind: 'media', detail: subtype });
  if (dict.has('XFA')) found.push({ kind: 'xfa' });
  if (type === 'Sig' || type === 'DocTimeStamp' || (dict.has('ByteRange') && dict.has('Contents')))
    found.push({ kind: 'signature' });
  const perms = get('Perms');
  if (perms instanceof PdfDict && (perms.has('DocMDP') || perms.has('UR3')))
    found.push({ kind: 'signature' });
  return found;
}

function fileName(dict: PdfDict): string | undefined {
  for (const key of ['UF', 'F']) {
    const name = textOf(dict.get(key));
    if (name) return name.slice(0, 60);
  }
  return undefined;
}

const keyOf = (ref: PdfRef) => `${ref.objectNumber} ${ref.generation}`;

/** Labels of the objects a reader knows: the catalog, each page and each page's annotations. */
function placesOf(pdf: PDF): Map<string, PdfPlace> {
  const places = new Map<string, PdfPlace>();
  const root = pdf.context.info.trailer.get('Root');
  if (root instanceof PdfRef) places.set(keyOf(root), { zh: '文档', en: 'the document' });
  pdf.context.pages.getPages().forEach((pageRef, index) => {
    const number = index + 1;
    places.set(keyOf(pageRef), { zh: `第 ${number} 页`, en: `page ${number}` });
    const page = pdf.context.resolve(pageRef);
    const annots = page instanceof PdfDict ? page.get('Annots') : undefined;
    const list = annots instanceof PdfRef ? pdf.context.resolve(annots) : annots;
    if (!(list instanceof PdfArray)) return;
    for (const item of list) {
      if (item instanceof PdfRef && !places.has(keyOf(item)))
        places.set(keyOf(item), { zh: `第 ${number} 页的注释`, en: `page ${number} annotation` });
    }
  });
  return places;
}

type Step = { value: PdfObject; isAction: boolean; place: PdfPlace; parentKey: string | null };

/** Every finding in the objects of one parsed revision; `bytes` are that revision's bytes. */
export function scanContent(pdf: PDF, bytes: Uint8Array): ContentFinding[] {
  const resolve = (ref: PdfRef) => pdf.context.resolve(ref);
  const places = placesOf(pdf);
  const findings: ContentFinding[] = [];
  const visited = new Set<string>();
  const seenObjects = new Set<string>();
  const objectStreams: PdfStream[] = [];
  let count = 0;

  const walk = (start: Step) => {
    const stack: Step[] = [start];
    while (stack.length > 0) {
      const step = stack.pop() as Step;
      let { value, place } = step;
      if (value instanceof PdfRef) {
        // An object reached both as an action and as plain data is judged both ways.
        const seen = `${keyOf(value)} ${step.isAction}`;
        if (visited.has(seen)) continue;
        visited.add(seen);
        seenObjects.add(keyOf(value));
        place = places.get(keyOf(value)) ?? place;
        const resolved = resolve(value);
        if (!resolved) continue;
        value = resolved;
      }
      count += 1;
      if (count > MAX_OBJECTS) throw new TooManyObjectsError();
      if (value instanceof PdfArray) {
        for (const item of value) stack.push({ ...step, value: item, place });
        continue;
      }
      if (!(value instanceof PdfDict)) continue;
      if (value instanceof PdfStream && nameOf(value.get('Type')) === 'ObjStm') objectStreams.push(value);
      for (const item of inspectDict(value, step.isAction, resolve)) findings.push({ ...item, place });
      for (const [name, child] of value) {
        const isAction = ACTION_KEYS.has(name.value) || step.parentKey === 'AA';
        stack.push({ value: child, isAction, place, parentKey: name.value });
      }
    }
  };
  const walkAll = (refs: PdfRef[]) => {
    for (const ref of refs) {
      if (seenObjects.has(keyOf(ref))) continue;
      const place = { zh: `对象 ${ref.objectNumber}`, en: `object ${ref.objectNumber}` };
      walk({ value: ref, isAction: false, place, parentKey: null });
    }
  };

  walk({
    value: pdf.context.info.trailer,
    isAction: false,
    place: { zh: '文档', en: 'the document' },
    parentKey: null,
  });
  // Objects nothing points to are still in the file: a reader that repairs it, or a later update, can use them.
  walkAll(headerObjects(bytes));
  walkAll(objectStreams.flatMap(packedObjects));
  return findings;
}

/** The objects a file defines in the open, by their "n g obj" headers. */
function headerObjects(bytes: Uint8Array): PdfRef[] {
  const text = new TextDecoder('latin1').decode(bytes);
  return [...text.matchAll(/(\d{1,10})\s+(\d{1,5})\s+obj\b/g)].map((match) =>
    PdfRef.of(Number(match[1]), Number(match[2])),
  );
}

/** The objects packed in an object stream, by the numbers listed at its head. */
function packedObjects(stream: PdfStream): PdfRef[] {
  let header: string;
  try {
    header = new TextDecoder('latin1').decode(stream.getDecodedData());
  } catch {
    return [];
  }
  const first = stream.getNumber('First')?.value ?? header.length;
  const count = stream.getNumber('N')?.value ?? 0;
  const numbers = header.slice(0, first).trim().split(/\s+/).map(Number);
  const refs: PdfRef[] = [];
  for (let index = 0; index < Math.min(count, numbers.length / 2); index += 1) {
    const number = numbers[index * 2];
    if (number !== undefined && Number.isInteger(number)) refs.push(PdfRef.of(number, 0));
  }
  return refs;
}
