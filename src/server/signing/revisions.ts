// The revisions of a PDF (the original plus one per incremental update), each loaded as a reader would see
// it, and what each update after a signature changed, judged object by object in diff-analysis.ts.
import { PDF } from '@libpdf/core';
import { analyseUpdate, type ChangeLevel, type UpdateFinding } from './diff-analysis.ts';
import { type ObjectSource, sourceOf } from './revision-objects.ts';

export type Revision = {
  /** 1-based revision number. */
  index: number;
  /** Byte offset just past this revision's %%EOF (and its line end). */
  end: number;
};

/** A revision as the parser reads the file cut at its end; `pdf` is missing when that prefix does not load. */
export type RevisionView = Revision & { pdf?: PDF; source?: ObjectSource; isRecovered: boolean };

export type RevisionChange = {
  revision: number;
  /** Every change of the update, each with the level at which a later signature may make it. */
  findings: UpdateFinding[];
  /** Only new signature fields and validation data (DSS, document timestamps). */
  isSignatureOnly: boolean;
  /** Also appended pages or attachments, nothing worse: acceptable only as the seal's annex. */
  isAppendOnly: boolean;
};

const LATIN1 = new TextDecoder('latin1');

/** Lists the revisions by their %%EOF markers. */
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

/** Loads every revision on its own, so that each update can be compared with the one before it. */
export async function loadRevisions(bytes: Uint8Array): Promise<RevisionView[]> {
  const views: RevisionView[] = [];
  for (const revision of listRevisions(bytes)) {
    try {
      const pdf = await PDF.load(bytes.subarray(0, revision.end));
      views.push({ ...revision, pdf, source: sourceOf(pdf), isRecovered: pdf.recoveredViaBruteForce });
    } catch {
      views.push({ ...revision, isRecovered: false });
    }
  }
  return views;
}

const fileProblem = (key: string): UpdateFinding => ({
  objectNumber: null,
  generation: 0,
  role: 'file',
  action: 'changed',
  keys: [key],
  level: 'modification',
});

const SIGNATURE_LEVELS: ChangeLevel[] = ['signature', 'validation-data'];

function summarise(revision: number, findings: UpdateFinding[]): RevisionChange {
  const isSignatureOnly = findings.every((finding) => SIGNATURE_LEVELS.includes(finding.level));
  const isAppendOnly =
    !isSignatureOnly &&
    findings.every((finding) => finding.level === 'annex' || SIGNATURE_LEVELS.includes(finding.level));
  return { revision, findings, isSignatureOnly, isAppendOnly };
}

/** Judges each update after the revision ending at `coveredEnd`; cached per revision by `cache`. */
export function changesAfter(
  views: RevisionView[],
  bytes: Uint8Array,
  coveredEnd: number,
  cache = new Map<number, RevisionChange>(),
): RevisionChange[] {
  const start = views.findIndex((view) => view.end === coveredEnd);
  const result: RevisionChange[] = [];
  if (start < 0) return result;
  for (let index = start + 1; index < views.length; index += 1) {
    const view = views[index] as RevisionView;
    const cached = cache.get(view.index);
    if (cached) {
      result.push(cached);
      continue;
    }
    const previous = views[index - 1];
    const findings =
      !view.source || !previous?.source
        ? [fileProblem('unreadable')]
        : view.isRecovered
          ? [fileProblem('recovered')]
          : analyseUpdate(previous.source, view.source);
    const change = summarise(view.index, findings);
    cache.set(view.index, change);
    result.push(change);
  }
  const last = views.at(-1);
  if (last && last.end < bytes.length && LATIN1.decode(bytes.subarray(last.end)).trim() !== '') {
    result.push(summarise(views.length + 1, [fileProblem('trailing-bytes')]));
  }
  return result;
}
