/**
 * Plays the replay: owns the playback clock (replay/playback-clock.ts) and the animation-frame loop
 * that reads it. Two readings come out: `time` every frame while playing (the slider's playhead,
 * moved by a transform), and `sampled` at most ~8 times a second (the big clock, the map's dots, the
 * counters and the list): at 60× the clock's seconds blur past anyway, and redrawing those every
 * frame would cost far more than the eye gains.
 */
import { computed, onBeforeUnmount, shallowRef, watch } from 'vue'
import * as playback from '../replay/playback-clock.ts'
import type { TimeRange } from '../replay/replay-ranges.ts'

/** Real milliseconds between two `sampled` readings while playing. */
export const SAMPLE_MS = 125

export function useReplayPlayback(range: () => TimeRange | null, options: { autoplay: () => boolean }) {
  const clock = shallowRef<playback.PlaybackClock | null>(null)
  /** Replayed time (ms since the epoch), every frame while playing. */
  const time = shallowRef(0)
  /** Replayed time, at most every SAMPLE_MS while playing and at once on any other change. */
  const sampled = shallowRef(0)
  /** The speed chosen; kept across ranges. */
  const speed = shallowRef<number>(playback.DEFAULT_SPEED)
  const playing = computed(() => clock.value?.playing ?? false)
  const atEnd = computed(() => clock.value !== null && time.value >= clock.value.until)

  let frame = 0
  let lastSample = -Infinity

  function publish(now: number, force: boolean): void {
    const c = clock.value
    if (!c) return
    const t = playback.timeAt(c, now)
    time.value = t
    if (force || now - lastSample >= SAMPLE_MS) {
      sampled.value = t
      lastSample = now
    }
  }

  function tick(): void {
    frame = 0
    const c = clock.value
    if (!c?.playing) return
    const now = performance.now()
    if (playback.ended(c, now)) {
      set(playback.pause(c, now))
      return
    }
    publish(now, false)
    frame = requestAnimationFrame(tick)
  }

  function set(next: playback.PlaybackClock): void {
    clock.value = next
    publish(performance.now(), true)
    cancelAnimationFrame(frame)
    frame = next.playing ? requestAnimationFrame(tick) : 0
  }

  const update = (op: (c: playback.PlaybackClock, now: number) => playback.PlaybackClock) => {
    if (clock.value) set(op(clock.value, performance.now()))
  }

  /** Plays (from the start again once played to the end) or pauses. */
  function toggle(): void {
    update((c, now) => (c.playing ? playback.pause(c, now) : playback.play(c, now)))
  }
  function seek(t: number): void {
    update((c, now) => playback.seek(c, t, now))
  }
  function setSpeed(s: number): void {
    speed.value = s
    update((c, now) => playback.setSpeed(c, s, now))
  }

  // A new range starts a new clock at its beginning, playing when asked to.
  watch(
    range,
    (r) => {
      cancelAnimationFrame(frame)
      if (!r || !(r.until > r.from)) {
        clock.value = null
        return
      }
      const fresh = playback.createClock(r.from, r.until, speed.value)
      set(options.autoplay() ? playback.play(fresh, performance.now()) : fresh)
    },
    { immediate: true },
  )

  onBeforeUnmount(() => cancelAnimationFrame(frame))

  return { time, sampled, speed, playing, atEnd, toggle, seek, setSpeed }
}
