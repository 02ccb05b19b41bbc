/**
 * Calls `fn` at most once per `minGapMs`, the last request always answered: a request inside the gap
 * is deferred to its end, and further requests meanwhile ride on that one. How the wall and the post
 * turn a busy stream of frames into reloads without a request per frame, nor a missed last change.
 *
 * @example
 * const soon = throttleCalls(reload, 2_000)
 * soon(); soon(); soon() // reload now, and once more 2 s later
 *
 * With `leading: false` the first request of a quiet spell waits a whole gap too: for a list the server
 * rebuilds on a timer of its own, where a reload at once would only fetch what was there before.
 */
export function throttleCalls(
  fn: () => void,
  minGapMs: number,
  { leading = true }: { leading?: boolean } = {},
): { call: () => void; cancel: () => void } {
  let last = -Infinity
  let trailing: ReturnType<typeof setTimeout> | undefined

  const fire = () => {
    trailing = undefined
    last = Date.now()
    fn()
  }
  return {
    call() {
      if (trailing) return
      const wait = leading ? last + minGapMs - Date.now() : minGapMs
      if (wait <= 0) fire()
      else trailing = setTimeout(fire, wait)
    },
    cancel() {
      clearTimeout(trailing)
      trailing = undefined
    },
  }
}
