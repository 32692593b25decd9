/**
 * Scripted faults per route (status with Retry-After, delay, connection reset,
 * malformed body, how many times). A queue per route: the head fault applies to the next requests on that
 * route until its `times` are used up; `'*'` faults apply to every route and are consulted after the
 * route's own queue.
 */
import { z } from 'zod';
import { EMULATOR_ROUTES, type EmulatorRoute, type FaultSpec } from './types';

const routeSchema = z.enum([...EMULATOR_ROUTES, '*']);

export const faultSpecSchema = z.strictObject({
  route: routeSchema,
  status: z.int().min(100).max(599).optional(),
  retryAfter: z.union([z.int().min(0), z.string().min(1)]).optional(),
  code: z.string().min(1).optional(),
  message: z.string().optional(),
  delayMs: z.int().min(0).max(600_000).optional(),
  reset: z.boolean().optional(),
  malformedBody: z.boolean().optional(),
  times: z.int().min(1).optional(),
  after: z.int().min(0).optional(),
});

/**
 * `POST /_emulator/faults` accepts one fault, an array, or `{ faults: [...] }`; normalised to an array
 * first so a validation error names the field (`[0].route`) instead of "matches no shape".
 */
export const faultRequestSchema = z.preprocess((body) => {
  if (Array.isArray(body)) return body;
  if (typeof body === 'object' && body !== null && 'faults' in body) return (body as { faults: unknown }).faults;
  return [body];
}, z.array(faultSpecSchema));

interface QueuedFault {
  spec: FaultSpec;
  remainingTimes: number;
  remainingSkips: number;
}

export class FaultBook {
  private readonly queues = new Map<EmulatorRoute | '*', QueuedFault[]>();

  add(spec: FaultSpec): void {
    const queue = this.queues.get(spec.route) ?? [];
    queue.push({ spec, remainingTimes: spec.times ?? 1, remainingSkips: spec.after ?? 0 });
    this.queues.set(spec.route, queue);
  }

  /** The fault to apply to this request on `route`, consuming one use; undefined to handle normally. */
  take(route: EmulatorRoute): FaultSpec | undefined {
    return this.takeFrom(route) ?? this.takeFrom('*');
  }

  pendingCount(): number {
    let count = 0;
    for (const queue of this.queues.values()) count += queue.length;
    return count;
  }

  clear(): void {
    this.queues.clear();
  }

  private takeFrom(key: EmulatorRoute | '*'): FaultSpec | undefined {
    const queue = this.queues.get(key);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    if (head.remainingSkips > 0) {
      head.remainingSkips -= 1;
      return undefined;
    }
    head.remainingTimes -= 1;
    if (head.remainingTimes <= 0) queue.shift();
    return head.spec;
  }
}
