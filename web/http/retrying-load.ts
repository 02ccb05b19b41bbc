/**
 * A load that a wall keeps retrying, with doubling back-off, until the server answers: after a
 * server restart a wall must come back by itself, not show an empty panel until someone reloads.
 * Each start opens a new generation, so an answer that arrives after `stop()` is ignored.
 */
import { ref } from 'vue'
import { ApiError } from './request-json.ts'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface RetryingLoadOptions {
  /** Fetches and stores the data; `isCurrent()` is false once the load was stopped or restarted. */
  load: (isCurrent: () => boolean) => Promise<void>
  /** Called when the server refuses the session (401); the load then rests until started again. */
  onUnauthorized?: () => void
  minDelayMs?: number
  maxDelayMs?: number
}

export function useRetryingLoad(options: RetryingLoadOptions) {
  const minDelay = options.minDelayMs ?? 2_000
  const maxDelay = options.maxDelayMs ?? 30_000
  /** Where loading stands; `error` means a retry is scheduled. */
  const status = ref<LoadStatus>('idle')

  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let retryDelay = minDelay
  let generation = 0

  async function attempt(gen: number): Promise<void> {
    const isCurrent = () => gen === generation
    status.value = 'loading'
    try {
      await options.load(isCurrent)
      if (!isCurrent()) return
      status.value = 'ready'
      retryDelay = minDelay
    } catch (err) {
      if (!isCurrent()) return
      if (err instanceof ApiError && err.status === 401) {
        status.value = 'idle'
        options.onUnauthorized?.()
        return
      }
      status.value = 'error'
      retryTimer = setTimeout(() => void attempt(gen), retryDelay)
      retryDelay = Math.min(retryDelay * 2, maxDelay)
    }
  }

  /** Starts loading unless loaded or loading. */
  function ensureLoaded(): void {
    if (status.value === 'idle') void attempt(generation)
  }

  /** Cancels a pending retry and ignores any request in flight. */
  function stop(): void {
    clearTimeout(retryTimer)
    generation++
    if (status.value !== 'ready') status.value = 'idle'
  }

  /** Loads again from scratch. */
  function restart(): void {
    stop()
    void attempt(generation)
  }

  /** The current generation, for requests made outside `load` that must also be dropped on stop. */
  function currentGeneration(): number {
    return generation
  }

  return { status, ensureLoaded, stop, restart, currentGeneration }
}
