/** The socket's health as the wall shows it: live, reconnecting or stale. */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { connectionView } from '../realtime/connection-state.ts'

export const useConnectionStore = defineStore('connection', () => {
  /** Whether the socket is connected right now. */
  const connected = ref(false)
  /** When the connection was lost, or first attempted, epoch ms; null while connected. */
  const lostAt = ref<number | null>(Date.now())
  /** When the last frame or Socket.IO heartbeat arrived, epoch ms. */
  const lastMessageAt = ref<number | null>(null)
  /** The server's boot id from the last snapshot; a new one means the server restarted. */
  const bootId = ref<string | null>(null)
  /** The clock the derived state is computed against, ticked by the realtime composable. */
  const now = ref(Date.now())

  const view = computed(() =>
    connectionView({ connected: connected.value, lostAt: lostAt.value, lastMessageAt: lastMessageAt.value }, now.value),
  )
  const state = computed(() => view.value.state)
  const staleSince = computed(() => view.value.staleSince)

  function markConnected(at: number): void {
    connected.value = true
    lostAt.value = null
    lastMessageAt.value = at
    now.value = at
  }

  function markDisconnected(at: number): void {
    // Keep the first loss: repeated failed attempts must not reset "stale since".
    if (connected.value || lostAt.value === null) lostAt.value = at
    connected.value = false
    now.value = at
  }

  function markMessage(at: number): void {
    lastMessageAt.value = at
    now.value = at
  }

  /** Records the snapshot's boot id; true when it differs from a previous one (a server restart). */
  function noteBootId(id: string): boolean {
    const restarted = bootId.value !== null && bootId.value !== id
    bootId.value = id
    return restarted
  }

  function tick(at: number): void {
    now.value = at
  }

  return {
    connected, lostAt, lastMessageAt, bootId, now, state, staleSince,
    markConnected, markDisconnected, markMessage, noteBootId, tick,
  }
})
