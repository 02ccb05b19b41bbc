/**
 * A list the wall keeps current by itself: loaded with retries (retrying-load.ts), loaded again on a
 * timer (so what expires leaves the wall even when nothing new arrives), and on demand when the live
 * feed says it changed. Used for warnings in force and detection hotspots.
 */
import { useRetryingLoad, type RetryingLoadOptions } from './retrying-load.ts'

export function useFollowedLoad(options: RetryingLoadOptions & { refreshMs: number }) {
  const { status, ensureLoaded, restart, stop: stopLoad } = useRetryingLoad(options)
  let refresh: ReturnType<typeof setInterval> | undefined

  /** Loads now and keeps the list fresh until `stop()`. */
  function follow(): void {
    ensureLoaded()
    refresh ??= setInterval(restart, options.refreshMs)
  }

  function stop(): void {
    if (refresh) clearInterval(refresh)
    refresh = undefined
    stopLoad()
  }

  return { status, follow, reload: restart, stop }
}
