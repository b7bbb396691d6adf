// Where an event may sit in the tree of events: never under itself, never deeper than the limit.
import type { RuleError } from './result.ts';

/** Levels an event tree may have (a summit, its forums, their ceremonies, ...); recursive queries stop here. */
export const MAX_EVENT_DEPTH = 8;

/**
 * Why an event cannot be put under a parent, or null when it can.
 * @param eventId the event being placed (null for a new one)
 * @param parentChain the parent and its ancestors, parent first, as read with a bound of MAX_EVENT_DEPTH + 1
 * @param subtreeLevels levels of the event's own subtree, itself included (1 for a new event)
 */
export function checkEventParent(
  eventId: string | null,
  parentChain: readonly string[],
  subtreeLevels: number,
): RuleError | null {
  if (eventId !== null && parentChain[0] === eventId)
    return {
      code: 'event.parent_self',
      zh: '活动不能是自己的一部分',
      en: 'An event cannot be part of itself',
    };
  if (eventId !== null && parentChain.includes(eventId))
    return {
      code: 'event.parent_cycle',
      zh: '上级活动是本活动的下级活动，不能互为上下级',
      en: 'The parent event is itself part of this event; events cannot contain each other',
    };
  if (parentChain.length + subtreeLevels > MAX_EVENT_DEPTH)
    return {
      code: 'event.too_deep',
      zh: `活动层级不能超过 ${MAX_EVENT_DEPTH} 层`,
      en: `Events can be nested at most ${MAX_EVENT_DEPTH} levels deep`,
    };
  return null;
}
