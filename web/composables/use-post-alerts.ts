/**
 * The post's alarm for severe and extreme cases: a new one flashes in the queue until someone opens
 * it (acknowledges it) and, when sound is on, beeps. Browsers let a page make sound only after a
 * gesture, so sound starts off and the 启用声音 switch (a click) creates the AudioContext; the choice
 * is remembered, but a reload still needs one click to unlock audio again.
 */
import { onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue'
import type { Case } from '../../domain/cases.ts'
import { noticeNewAlerts, type AlertTracker } from '../post/new-alerts.ts'

const SOUND_KEY = 'gridwatch.post.sound'

function beep(ctx: AudioContext): void {
  // Three short rising tones: distinct from a phone's ring, audible over a room's murmur.
  const start = ctx.currentTime
  for (const [i, freq] of [880, 1100, 1320].entries()) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.type = 'square'
    osc.frequency.value = freq
    const t = start + i * 0.22
    gain.gain.setValueAtTime(0.0001, t)
    gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.18)
    osc.connect(gain).connect(ctx.destination)
    osc.start(t)
    osc.stop(t + 0.2)
  }
}

export function usePostAlerts(cases: Ref<readonly Case[]>, street: Ref<string | null>) {
  /** Whether the post beeps for new severe cases (needs a click to unlock audio). */
  const soundOn = ref(false)
  /** Whether the user asked for sound before and this page still needs the unlocking click. */
  const soundWanted = ref(readWanted())
  /** Severe cases that arrived since the page opened and nobody has opened yet. */
  const flashing = shallowRef<ReadonlySet<string>>(new Set())
  /** How many beeps sounded (for the browser test and the header's hint). */
  const beeps = ref(0)

  let audio: AudioContext | null = null
  let tracker: AlertTracker = { seen: null }

  watch(street, () => {
    tracker = { seen: null }
    flashing.value = new Set()
  })

  watch(cases, (list) => {
    const { fresh, tracker: next } = noticeNewAlerts(tracker, list)
    tracker = next
    const open = new Set(list.map((c) => c.id))
    const still = [...flashing.value].filter((id) => open.has(id))
    if (fresh.length === 0 && still.length === flashing.value.size) return
    flashing.value = new Set([...still, ...fresh])
    if (fresh.length > 0) {
      beeps.value++
      if (soundOn.value && audio) beep(audio)
    }
  })

  /** The switch: turning it on is the gesture that unlocks audio, and plays one beep to prove it. */
  async function toggleSound(): Promise<void> {
    if (soundOn.value) {
      soundOn.value = false
      writeWanted(false)
      return
    }
    try {
      audio ??= new AudioContext()
      await audio.resume()
      beep(audio)
      soundOn.value = true
      writeWanted(true)
    } catch {
      soundOn.value = false
    }
  }

  /** Opening a case acknowledges its alert. */
  function acknowledge(id: string): void {
    if (!flashing.value.has(id)) return
    const next = new Set(flashing.value)
    next.delete(id)
    flashing.value = next
  }

  function acknowledgeAll(): void {
    flashing.value = new Set()
  }

  onBeforeUnmount(() => void audio?.close())

  return { soundOn, soundWanted, flashing, beeps, toggleSound, acknowledge, acknowledgeAll }
}

function readWanted(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on'
  } catch {
    return false
  }
}

function writeWanted(on: boolean): void {
  try {
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off')
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}
