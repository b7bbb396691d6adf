// Judges one incremental update object by object against what a later signature may add (ISO 32000-2
// 12.8.2 DocMDP/FieldMDP, PAdES): a new signature field with its widget and value, validation data (DSS),
// a document timestamp. Luodi's seal may also append its completion pages and audit attachment. Anything
// else is a modification, named by object. Modelled on pyHanko's diff analysis, stricter where Luodi can be.
import { type PdfDict, type PdfObject, PdfRef, PdfString } from '@libpdf/core';
import { describeStructure, type FieldInfo, type ObjectRole, type Structure } from './diff-roles.ts';
import {
  arrayOf,
  changedKeys,
  dictOf,
  isSameValue,
  nameOf,
  type ObjectSource,
  reachableRefs,
  refKey,
  trailerRoots,
} from './revision-objects.ts';

/**
 * signature: a new signature field, its widget and value. validation-data: DSS/VRI, document timestamps.
 * annex: pages appended at the end and embedded files (acceptable only as the seal's annex).
 * annotation: a new non-widget annotation (DocMDP P=3 only). modification: anything else.
 */
export type ChangeLevel = 'signature' | 'validation-data' | 'annex' | 'annotation' | 'modification';

export type UpdateFinding = {
  /** The object concerned; null for the trailer. */
  objectNumber: number | null;
  generation: number;
  role: ObjectRole;
  /** Page number or field name the role refers to. */
  label?: string;
  action: 'added' | 'changed' | 'removed';
  /** Dictionary keys that changed, as "/Reason". */
  keys: string[];
  level: ChangeLevel;
};

// Cross-reference housekeeping a trailer (or cross-reference stream) may change in every update.
const TRAILER_HOUSEKEEPING = new Set([
  '/Size',
  '/Prev',
  '/ID',
  '/XRefStm',
  '/Type',
  '/W',
  '/Index',
  '/Filter',
  '/DecodeParms',
  '/Length',
]);

type Finder = (
  ref: PdfRef | undefined,
  role: ObjectRole,
  action: UpdateFinding['action'],
  keys: string[],
  level: ChangeLevel,
  label?: string,
) => void;

function refsIn(source: ObjectSource, value: PdfObject | undefined): PdfRef[] {
  return arrayOf(source, value).filter((item): item is PdfRef => item instanceof PdfRef);
}

const hasAction = (dict: PdfDict | undefined) => Boolean(dict && (dict.has('A') || dict.has('AA')));

/** A field added by this update: a signature (or document timestamp) field with no actions on it or its widgets. */
function judgeNewField(field: FieldInfo, after: ObjectSource): ChangeLevel {
  if (!field.isSignature || hasAction(field.dict)) return 'modification';
  const widgets = refsIn(after, field.dict.get('Kids')).map((kid) => dictOf(after, kid));
  if (widgets.some((widget) => hasAction(widget) || nameOf(widget, 'Subtype') !== 'Widget'))
    return 'modification';
  const value = dictOf(after, field.dict.get('V'));
  if (!value) return 'signature';
  const type = nameOf(value, 'Type');
  if (type === 'DocTimeStamp') return 'validation-data';
  return type === undefined || type === 'Sig' ? 'signature' : 'modification';
}

function analyseForm(before: Structure, after: Structure, source: ObjectSource, find: Finder): Set<string> {
  const newWidgets = new Set<string>();
  const oldFields = new Set(before.fields.map((field) => (field.ref ? refKey(field.ref) : '')));
  const newFields = new Set(after.fields.map((field) => (field.ref ? refKey(field.ref) : '')));
  for (const field of before.fields) {
    if (field.ref && !newFields.has(refKey(field.ref)))
      find(
        field.ref,
        field.isSignature ? 'signature-field' : 'form-field',
        'removed',
        [],
        'modification',
        field.name,
      );
  }
  for (const field of after.fields) {
    if (!field.ref || oldFields.has(refKey(field.ref))) continue;
    const level = judgeNewField(field, source);
    find(field.ref, field.isSignature ? 'signature-field' : 'form-field', 'added', [], level, field.name);
    if (level === 'modification') continue;
    newWidgets.add(refKey(field.ref));
    for (const kid of refsIn(source, field.dict.get('Kids'))) newWidgets.add(refKey(kid));
  }
  const wasAbsent = before.acroForm === undefined;
  for (const key of changedKeys(before.acroForm, after.acroForm)) {
    if (key === '/Fields') continue;
    // The first signature creates the form with its defaults; afterwards only the signature flags may change.
    const isAllowed = key === '/SigFlags' || (wasAbsent && ['/DR', '/DA', '/NeedAppearances'].includes(key));
    find(undefined, 'form', 'changed', [key], isAllowed ? 'signature' : 'modification');
  }
  return newWidgets;
}

function analyseCatalog(old: Structure, now: Structure, sources: [ObjectSource, ObjectSource], find: Finder) {
  const rootRef = sources[1].trailer.get('Root');
  const ref = rootRef instanceof PdfRef ? rootRef : undefined;
  for (const key of changedKeys(old.catalog, now.catalog)) {
    if (key === '/AcroForm') continue; // judged by analyseForm
    if (key === '/Names') {
      const value = now.catalog?.get('Names');
      const names = judgeNames(dictOf(sources[0], old.catalog?.get('Names')), dictOf(sources[1], value));
      if (names.length === 0) find(ref, 'catalog', 'changed', [key], 'annex');
      else find(value instanceof PdfRef ? value : ref, 'names', 'changed', names, 'modification');
      continue;
    }
    find(
      ref,
      'catalog',
      'changed',
      [key],
      key === '/DSS' || key === '/Extensions' ? 'validation-data' : 'modification',
    );
  }
}

// The names dictionary may only gain embedded files (the seal's audit attachment); JavaScript and the rest may not change.
function judgeNames(beforeDict: PdfDict | undefined, afterDict: PdfDict | undefined): string[] {
  return changedKeys(beforeDict, afterDict).filter((key) => key !== '/EmbeddedFiles');
}

function analysePages(before: Structure, after: Structure, source: ObjectSource, find: Finder) {
  const oldPages = before.pages.map(refKey);
  const newPages = after.pages.map(refKey);
  const isPrefix = oldPages.every((key, index) => newPages[index] === key);
  if (!isPrefix) {
    find(undefined, 'page-tree', 'changed', ['/Kids'], 'modification');
    return;
  }
  after.pages.slice(oldPages.length).forEach((page, offset) => {
    const dict = dictOf(source, page);
    const isPlain = !hasAction(dict) && arrayOf(source, dict?.get('Annots')).length === 0;
    find(page, 'page', 'added', [], isPlain ? 'annex' : 'modification', String(oldPages.length + offset + 1));
  });
}

function analyseAnnotations(
  beforeSource: ObjectSource,
  afterSource: ObjectSource,
  pageRef: PdfRef,
  label: string,
  newWidgets: Set<string>,
  find: Finder,
) {
  const before = arrayOf(beforeSource, dictOf(beforeSource, pageRef)?.get('Annots'));
  const after = arrayOf(afterSource, dictOf(afterSource, pageRef)?.get('Annots'));
  const afterKeys = new Set(after.filter((item) => item instanceof PdfRef).map(refKey));
  const beforeKeys = new Set(before.filter((item) => item instanceof PdfRef).map(refKey));
  if (before.some((item) => !(item instanceof PdfRef) || !afterKeys.has(refKey(item))))
    find(pageRef, 'page-annotations', 'removed', ['/Annots'], 'modification', label);
  for (const item of after) {
    if (item instanceof PdfRef && beforeKeys.has(refKey(item))) continue;
    const ref = item instanceof PdfRef ? item : undefined;
    if (ref && newWidgets.has(refKey(ref))) continue; // reported with its signature field
    const annotation = dictOf(afterSource, item);
    const isPlain = nameOf(annotation, 'Subtype') !== 'Widget' && !hasAction(annotation);
    find(ref ?? pageRef, 'annotation', 'added', [], isPlain ? 'annotation' : 'modification', label);
  }
}

/** Lists every change of the update from `before` to `after`, each with the level it is allowed at. */
export function analyseUpdate(before: ObjectSource, after: ObjectSource): UpdateFinding[] {
  const findings: UpdateFinding[] = [];
  const find: Finder = (ref, role, action, keys, level, label) =>
    findings.push({
      objectNumber: ref?.objectNumber ?? null,
      generation: ref?.generation ?? 0,
      role,
      ...(label === undefined ? {} : { label }),
      action,
      keys,
      level,
    });
  for (const key of changedKeys(before.trailer, after.trailer)) {
    if (!TRAILER_HOUSEKEEPING.has(key)) find(undefined, 'trailer', 'changed', [key], 'modification');
  }
  const old = describeStructure(before);
  const now = describeStructure(after);
  analyseCatalog(old, now, [before, after], find);
  const newWidgets = analyseForm(old, now, after, find);
  analysePages(old, now, after, find);

  // Every object that existed before and now reads differently is judged by what it was.
  for (const [key, ref] of reachableRefs(after, trailerRoots(after))) {
    const previous = before.resolve(ref);
    const current = after.resolve(ref);
    if (!previous || isSameValue(previous, current)) continue;
    const role = old.roles.get(key) ?? { role: 'object' as const };
    const keys = changedKeys(dictOf(before, previous), dictOf(after, current));
    const level = judgeChangedObject(role.role, keys, dictOf(before, previous), dictOf(after, current));
    if (role.role === 'page' && keys.length === 1 && keys[0] === '/Annots') {
      analyseAnnotations(before, after, ref, role.label ?? '', newWidgets, find);
      continue;
    }
    if (role.role === 'page-annotations') {
      const page = old.pages[Number(role.label) - 1];
      if (page) analyseAnnotations(before, after, page, role.label ?? '', newWidgets, find);
      continue;
    }
    if (level !== null) find(ref, role.role, 'changed', keys, level, role.label);
  }
  return findings;
}

/** The level of a change to an existing object, or null when a structural rule above already judged it. */
function judgeChangedObject(
  role: ObjectRole,
  keys: string[],
  before: PdfDict | undefined,
  after: PdfDict | undefined,
): ChangeLevel | null {
  switch (role) {
    case 'catalog':
    case 'form':
      return null;
    case 'page-tree':
      // Appending pages rewrites /Kids and /Count of the tree; analysePages judged the order.
      return keys.every((key) => key === '/Kids' || key === '/Count') ? 'annex' : 'modification';
    case 'signature-field':
      // A placeholder signature field being signed gains its value and appearance (FieldMDP allows this).
      return !before?.has('V') && keys.every((key) => key === '/V' || key === '/AP')
        ? 'signature'
        : 'modification';
    case 'dss':
      return 'validation-data';
    case 'names':
      return judgeNames(before, after).length === 0 ? 'annex' : 'modification';
    case 'embedded-file':
      return isNameTreeGrowth(before, after) ? 'annex' : 'modification';
    default:
      return 'modification';
  }
}

// A name-tree node that only gained entries: every old name still maps to the same value.
function isNameTreeGrowth(before: PdfDict | undefined, after: PdfDict | undefined): boolean {
  if (!before || !after || changedKeys(before, after).some((key) => key !== '/Names')) return false;
  const pairs = (dict: PdfDict) => {
    const items = dict.getArray('Names')?.toArray() ?? [];
    const map = new Map<string, PdfObject | undefined>();
    for (let index = 0; index + 1 < items.length; index += 2) {
      const name = items[index];
      map.set(name instanceof PdfString ? name.asString() : '', items[index + 1]);
    }
    return map;
  };
  const now = pairs(after);
  return [...pairs(before)].every(([name, value]) => now.has(name) && isSameValue(value, now.get(name)));
}
