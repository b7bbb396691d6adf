// Which later changes a signature tolerates: the DocMDP permission of a certifying signature (ISO 32000-2
// 12.8.2.2), Luodi's default of P=2 when there is none, and the seal's annex right before the seal signature.
import { PdfArray, PdfNumber } from '@libpdf/core';
import type { ChangeLevel, UpdateFinding } from './diff-analysis.ts';
import { type ContentFinding, scanContent, TooManyObjectsError } from './pdf-content-scan.ts';
import { dictOf, nameOf } from './revision-objects.ts';
import type { RevisionChange, RevisionView } from './revisions.ts';

/** 1: no changes; 2: form filling and signing; 3: also annotations. */
export type DocMdpPermission = 1 | 2 | 3;

/** The /P of the DocMDP transform the document was certified with in this revision, or 2 when uncertified. */
export function docMdpPermission(view: RevisionView | undefined): DocMdpPermission {
  const source = view?.source;
  if (!source) return 2;
  const catalog = dictOf(source, source.trailer.get('Root'));
  const signature = dictOf(source, dictOf(source, catalog?.get('Perms'))?.get('DocMDP'));
  const references = signature?.get('Reference');
  for (const item of references instanceof PdfArray ? references.toArray() : []) {
    const reference = dictOf(source, item);
    if (nameOf(reference, 'TransformMethod') !== 'DocMDP') continue;
    const permission = dictOf(source, reference?.get('TransformParams'))?.get('P');
    const value = permission instanceof PdfNumber ? permission.value : 2;
    return value === 1 || value === 3 ? value : 2;
  }
  return 2;
}

function allowedLevels(permission: DocMdpPermission, isAnnexAllowed: boolean): Set<ChangeLevel> {
  // ISO 32000-2 allows DSS and document timestamps even under P=1.
  const levels = new Set<ChangeLevel>(['validation-data']);
  if (permission >= 2) levels.add('signature');
  if (permission === 3) levels.add('annotation');
  if (isAnnexAllowed && permission >= 2) levels.add('annex');
  return levels;
}

/** The changes after a signature that it does not allow, in revision order. */
export function disallowedChanges(
  later: RevisionChange[],
  permission: DocMdpPermission,
  isSealedAnnex: (revision: number) => boolean,
): UpdateFinding[] {
  return later.flatMap((change) => {
    const allowed = allowedLevels(permission, isSealedAnnex(change.revision));
    return change.findings.filter((finding) => !allowed.has(finding.level));
  });
}

function scanRevision(bytes: Uint8Array, view: RevisionView | undefined): ContentFinding[] {
  if (!view?.pdf) return [];
  try {
    return scanContent(view.pdf, bytes.subarray(0, view.end)).filter((item) => item.kind !== 'signature');
  } catch (error) {
    if (!(error instanceof TooManyObjectsError)) throw error;
    return [{ kind: 'action', place: { zh: '文档', en: 'the document' }, detail: 'too many objects' }];
  }
}

/**
 * Active content of the signed file. With a sealed annex, embedded files are taken from the revision the
 * parties signed: the only one the annex may add is Luodi's audit trail, under the seal's signature.
 */
export function activeContentOf(
  views: RevisionView[],
  bytes: Uint8Array,
  hasSealedAnnex: boolean,
): ContentFinding[] {
  const final = scanRevision(bytes, views.at(-1));
  if (!hasSealedAnnex) return final;
  const signed = scanRevision(bytes, views.at(-3));
  const found = [...signed, ...final.filter((item) => item.kind !== 'embedded-file')];
  const unique = new Map(found.map((item) => [`${item.kind} ${item.place.en} ${item.detail ?? ''}`, item]));
  return [...unique.values()];
}
