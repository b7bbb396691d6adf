import { z } from 'zod';
import { EVENT_KINDS, VENUE_KINDS } from '../domain/events.ts';
import { EventTotals } from './events.ts';

// The live ceremony screen (大屏): public, so it carries signed figures and names only, never contact data.

const Names = { nameZh: z.string(), nameEn: z.string().nullable() };

/** Projects and planned investment of one slice (an industry section, a city, a province). */
const Slice = z.object({
  code: z.string(),
  ...Names,
  projects: z.number().int(),
  investmentYuan: z.number().int(),
});

export const ScreenSigning = z.object({
  agreementId: z.uuid(),
  /** When the last signer signed; null for agreements recorded with a date only. */
  signedAt: z.string().nullable(),
  signedOn: z.string(),
  titleZh: z.string(),
  titleEn: z.string().nullable(),
  typeCode: z.string(),
  parties: z.array(z.object(Names)),
  amountYuan: z.number().int().nullable(),
  amountZh: z.string().nullable(),
  amountEn: z.string().nullable(),
  venue: z.object(Names).nullable(),
  /** The sub-event (branch venue, ceremony) it was signed at, when not the event itself. */
  part: z.object({ id: z.uuid(), ...Names }).nullable(),
  region: z.object({ code: z.string(), ...Names }),
});
export type ScreenSigning = z.infer<typeof ScreenSigning>;

/**
 * The map the screen draws (GET /api/screen/maps/{key}): the national one (key `china`), or for an event in one
 * province that province's map or a deployer's finer one, keyed by region code. Areas are the map's features
 * where projects land, named as the map names them; projects off the map are in the other breakdowns only.
 */
export const ScreenMapView = z.object({
  key: z.string(),
  areas: z.array(Slice.extend({ mapName: z.string() })),
});

export const ScreenSnapshot = z.object({
  event: z.object({
    id: z.uuid(),
    kind: z.enum(EVENT_KINDS),
    ...Names,
    /** The region whose bureau runs it: it picks the map. */
    regionCode: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    isOnline: z.boolean(),
    venues: z.array(z.object({ kind: z.enum(VENUE_KINDS), ...Names })),
    /** Every sub-event, however deep: signings there count here too. */
    parts: z.array(z.object({ id: z.uuid(), parentId: z.uuid(), ...Names })),
  }),
  /** Signed agreements only (signed_on set, not voided, declined or expired); each project once. */
  totals: EventTotals.extend({
    /** Agreements sent out and still waiting for signatures. */
    pending: z.number().int(),
  }),
  /** The 20 latest signings, newest first. */
  signings: z.array(ScreenSigning),
  /** By GB/T 4754 section (门类), largest investment first. */
  byIndustry: z.array(Slice),
  /** By city (地级) of the project's landing region. */
  byCity: z.array(Slice),
  /** By province; mapName is the feature name in the served map, for shading it. */
  byProvince: z.array(Slice.extend({ mapName: z.string() })),
  map: ScreenMapView,
  generatedAt: z.string(),
});
export type ScreenSnapshot = z.infer<typeof ScreenSnapshot>;

/** What happened, as the signing service published it (mirrors LiveMessage in server/platform/live.ts). */
export const ScreenCause = z.object({
  kind: z.enum(['sent', 'signed', 'all-signed', 'sealed', 'declined', 'voided', 'expired']),
  agreementId: z.string(),
  eventId: z.string().nullable(),
  at: z.string(),
});
export type ScreenCause = z.infer<typeof ScreenCause>;

/**
 * The data of `event: update`: what changed since the frame before. `signings` are the new ones, to merge into
 * the feed with applyScreenUpdate; a breakdown is present only when it changed.
 */
export const ScreenUpdate = z.object({
  totals: ScreenSnapshot.shape.totals,
  signings: z.array(ScreenSigning),
  byIndustry: ScreenSnapshot.shape.byIndustry.optional(),
  byCity: ScreenSnapshot.shape.byCity.optional(),
  byProvince: ScreenSnapshot.shape.byProvince.optional(),
  map: ScreenMapView.optional(),
  generatedAt: z.string(),
});
export type ScreenUpdate = z.infer<typeof ScreenUpdate>;
export const ScreenUpdateData = z.object({ cause: ScreenCause.nullable(), update: ScreenUpdate });
export type ScreenUpdateData = z.infer<typeof ScreenUpdateData>;

/** The data of each `event: snapshot` on the stream; cause is null for the first one and periodic refreshes. */
export const ScreenStreamData = z.object({ cause: ScreenCause.nullable(), snapshot: ScreenSnapshot });
export type ScreenStreamData = z.infer<typeof ScreenStreamData>;

/** As many signings as a snapshot carries. */
export const SIGNINGS_SHOWN = 20;

/** Newest first: by signing date, then time (signings recorded with a date only come after those with a time). */
export function compareSignings(
  a: Pick<ScreenSigning, 'signedOn' | 'signedAt'>,
  b: Pick<ScreenSigning, 'signedOn' | 'signedAt'>,
): number {
  if (a.signedOn !== b.signedOn) return a.signedOn < b.signedOn ? 1 : -1;
  if (a.signedAt === b.signedAt) return 0;
  if (a.signedAt === null) return 1;
  if (b.signedAt === null) return -1;
  return Date.parse(b.signedAt) - Date.parse(a.signedAt);
}

/**
 * The snapshot a screen holds after an update: the new signings merged into the feed in its order (a signing
 * that took longer to land may belong below one shown already), the latest SIGNINGS_SHOWN kept. The server
 * sends an update only when this gives exactly its own feed, and the whole snapshot otherwise.
 */
export function applyScreenUpdate(snapshot: ScreenSnapshot, update: ScreenUpdate): ScreenSnapshot {
  const added = new Set(update.signings.map((signing) => signing.agreementId));
  const signings = snapshot.signings.filter((signing) => !added.has(signing.agreementId));
  for (const signing of update.signings) {
    // After any equal ones: of two signed in the same millisecond, the one heard first stays first.
    const at = signings.findIndex((shown) => compareSignings(signing, shown) < 0);
    signings.splice(at < 0 ? signings.length : at, 0, signing);
  }
  return {
    ...snapshot,
    totals: update.totals,
    signings: signings.slice(0, SIGNINGS_SHOWN),
    byIndustry: update.byIndustry ?? snapshot.byIndustry,
    byCity: update.byCity ?? snapshot.byCity,
    byProvince: update.byProvince ?? snapshot.byProvince,
    map: update.map ?? snapshot.map,
    generatedAt: update.generatedAt,
  };
}
