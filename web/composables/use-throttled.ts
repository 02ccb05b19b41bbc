/**
 * `fn` throttled for a component's life (realtime/throttle-calls.ts: at most once per `minGapMs`,
 * the last request always answered); a call still deferred when the component unmounts is dropped.
 */
import { onBeforeUnmount } from 'vue'
import { throttleCalls } from '../realtime/throttle-calls.ts'

export function useThrottled(fn: () => void, minGapMs: number, options?: { leading?: boolean }): () => void {
  const throttled = throttleCalls(fn, minGapMs, options)
  onBeforeUnmount(throttled.cancel)
  return throttled.call
}
