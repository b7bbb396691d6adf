import { z } from 'zod';
import {
  compareSignings,
  ScreenSigning,
  type ScreenSnapshot,
  SIGNINGS_SHOWN,
} from '../../../contracts/screen.ts';
import { yiDisplays } from '../../../domain/amount.ts';
import type { ScreenMaps } from './map.ts';

// The screen's figures as a state that a completed agreement can be added to in memory. Full snapshots and
// signings added one by one both end here, so a screen fed by signings shows what a fresh computation would:
// the counting (each agreement once, each project once, the slices and their order) exists only in this file.

const Names = { nameZh: z.string(), nameEn: z.string().nullable() };
const SliceKey = z.object({ code: z.string(), ...Names });

/** A project of a signed agreement with the slices it counts in: GB/T 4754 section, county, city, province. */
export const ScreenProject = z.object({
  id: z.uuid(),
  investmentYuan: z.number().int(),
  industry: SliceKey,
  county: SliceKey,
  city: SliceKey,
  province: SliceKey,
});
export type ScreenProject = z.infer<typeof ScreenProject>;

/** A signing on the feed, told apart from the screen it is shown on (which part it was signed at). */
export const FeedItem = z.object({
  card: ScreenSigning.omit({ part: true }),
  /** The event the agreement belongs to: the screen's own event or one of its parts. */
  event: z.object({ id: z.uuid(), ...Names }),
  /** The feed's last tie-breaker after the signing date and time, as the database orders it. */
  createdAt: z.string(),
});
export type FeedItem = z.infer<typeof FeedItem>;

/**
 * A completed agreement as any screen above its event shows it. The signature that completes an agreement
 * publishes it, so screens add it without asking the database (which is busiest just then).
 */
export const ScreenEntry = FeedItem.extend({ projects: z.array(ScreenProject) });
export type ScreenEntry = z.infer<typeof ScreenEntry>;

export interface ScreenState {
  event: ScreenSnapshot['event'];
  /** Agreements sent out and still waiting for signatures. */
  pending: number;
  /** Every signed agreement of the event and its parts, with its type. */
  agreements: Map<string, string>;
  /** Every distinct project of those agreements. */
  projects: Map<string, ScreenProject>;
  /** The latest signings, newest first, at most SIGNINGS_SHOWN. */
  feed: FeedItem[];
}

/** Newest first, as `order by signed_on desc, signed_at desc nulls last, created_at desc, id` in the queries. */
export function compareFeedItems(a: FeedItem, b: FeedItem): number {
  const bySigning = compareSignings(a.card, b.card);
  if (bySigning !== 0) return bySigning;
  const createdA = Date.parse(a.createdAt);
  const createdB = Date.parse(b.createdAt);
  if (createdA !== createdB) return createdB - createdA;
  return a.card.agreementId < b.card.agreementId ? -1 : a.card.agreementId > b.card.agreementId ? 1 : 0;
}

/**
 * Adds a completed agreement to the state; false when the state already holds it (a snapshot taken after
 * its commit, a message heard twice). Until then it was out for signing, so it leaves the pending count.
 */
export function addEntry(state: ScreenState, entry: ScreenEntry): boolean {
  const id = entry.card.agreementId;
  if (state.agreements.has(id)) return false;
  state.agreements.set(id, entry.card.typeCode);
  for (const project of entry.projects)
    if (!state.projects.has(project.id)) state.projects.set(project.id, project);
  state.pending = Math.max(0, state.pending - 1);
  const item: FeedItem = { card: entry.card, event: entry.event, createdAt: entry.createdAt };
  const at = state.feed.findIndex((other) => compareFeedItems(item, other) < 0);
  if (at >= 0) state.feed.splice(at, 0, item);
  else state.feed.push(item);
  if (state.feed.length > SIGNINGS_SHOWN) state.feed.length = SIGNINGS_SHOWN;
  return true;
}

type Slice = ScreenSnapshot['byIndustry'][number];

/** Projects and investment per slice, largest investment first, then by code. */
function slicesBy(
  projects: Iterable<ScreenProject>,
  key: (project: ScreenProject) => z.infer<typeof SliceKey>,
) {
  const slices = new Map<string, Slice>();
  for (const project of projects) {
    const { code, nameZh, nameEn } = key(project);
    const slice = slices.get(code) ?? { code, nameZh, nameEn, projects: 0, investmentYuan: 0 };
    slice.projects += 1;
    slice.investmentYuan += project.investmentYuan;
    slices.set(code, slice);
  }
  return [...slices.values()].sort(
    (a, b) => b.investmentYuan - a.investmentYuan || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** The event's map and the projects on it, each in the finest of its regions the map draws. */
function mapView(state: ScreenState, maps: ScreenMaps): ScreenSnapshot['map'] {
  const map = maps.forRegion(state.event.regionCode);
  const names = new Map<string, string>();
  const areas = new Map<string, { project: ScreenProject; area: z.infer<typeof SliceKey> }>();
  for (const project of state.projects.values()) {
    const regions = [project.county, project.city, project.province];
    const found = map.areaOf(regions);
    const area = found && regions[found.at];
    if (!found || !area) continue;
    names.set(area.code, found.name);
    areas.set(project.id, { project, area });
  }
  const slices = slicesBy(
    [...areas.values()].map(({ project }) => project),
    (project) => areas.get(project.id)?.area ?? project.province,
  );
  return { key: map.key, areas: slices.map((slice) => ({ ...slice, mapName: names.get(slice.code) ?? '' })) };
}

/** What the screen shows for a state; `mapName` names a feature on the served map. */
export function toSnapshot(state: ScreenState, maps: ScreenMaps): ScreenSnapshot {
  const byType = new Map<string, number>();
  for (const typeCode of state.agreements.values()) byType.set(typeCode, (byType.get(typeCode) ?? 0) + 1);
  let investmentYuan = 0;
  for (const project of state.projects.values()) investmentYuan += project.investmentYuan;
  return {
    event: state.event,
    totals: {
      agreements: state.agreements.size,
      byType: [...byType.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([typeCode, count]) => ({ typeCode, count })),
      projects: state.projects.size,
      investmentYuan,
      ...yiDisplays(investmentYuan),
      pending: state.pending,
    },
    signings: state.feed.map(({ card, event }) => ({
      ...card,
      part: event.id === state.event.id ? null : event,
    })),
    byIndustry: slicesBy(state.projects.values(), (project) => project.industry),
    byCity: slicesBy(state.projects.values(), (project) => project.city),
    byProvince: slicesBy(state.projects.values(), (project) => project.province).map((slice) => ({
      ...slice,
      mapName: maps.provinceName(slice.code, slice.nameZh),
    })),
    map: mapView(state, maps),
    generatedAt: new Date().toISOString(),
  };
}
