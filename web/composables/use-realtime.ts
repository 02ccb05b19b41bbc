/**
 * Owns the Socket.IO connection for as long as the calling component is mounted, and feeds the
 * events and connection stores.
 *
 * Resync: `auth` is a function, so every automatic reconnect sends the newest `sinceSeq` and the
 * server answers with exactly the missed events, or with a snapshot when too much was missed or
 * this is a fresh start. A server restart is just a reconnect. Nothing here ever reloads the page.
 *
 * The dispatch picture (open cases, units, today's KPIs) has no resume: each (re)connect loads it
 * again over HTTP, and `cases`, `units` and `kpi` frames keep it current after that. Risk by grid
 * needs no load: the server opens every connection with a full `risk` frame.
 */
import { onBeforeUnmount, onMounted } from 'vue'
import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from '../../domain/socket.ts'
import { handshakeAuth } from '../realtime/handshake-auth.ts'
import { useAuthStore } from '../stores/auth.ts'
import { useConnectionStore } from '../stores/connection.ts'
import { useEventsStore } from '../stores/events.ts'
import { useGeoStore } from '../stores/geo.ts'
import { useCasesStore } from '../stores/cases.ts'
import { useUnitsStore } from '../stores/units.ts'
import { useKpiStore } from '../stores/kpi.ts'
import { useRiskStore } from '../stores/risk.ts'

type WallSocket = Socket<ServerToClientEvents, ClientToServerEvents>

const TICK_MS = 1_000
const RETRY_MIN_MS = 1_000
const RETRY_MAX_MS = 15_000

export function useRealtime(): void {
  const auth = useAuthStore()
  const events = useEventsStore()
  const connection = useConnectionStore()
  const geo = useGeoStore()
  const cases = useCasesStore()
  const units = useUnitsStore()
  const kpi = useKpiStore()
  const risk = useRiskStore()

  let socket: WallSocket | null = null
  let ticker: ReturnType<typeof setInterval> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let retryDelay = RETRY_MIN_MS

  /**
   * Socket.IO retries transport failures by itself, but not a refusal by the server's middleware
   * nor a server-side disconnect; those need an explicit `connect()`, with backoff.
   */
  function retryLater(s: WallSocket): void {
    clearTimeout(retryTimer)
    retryTimer = setTimeout(() => {
      if (socket === s && !s.connected) s.connect()
    }, retryDelay)
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS)
  }

  function open(): void {
    const s: WallSocket = io({
      transports: ['websocket'],
      auth: (cb) => cb(handshakeAuth(auth.token ?? '', events.lastSeq)),
    })
    socket = s
    connection.markDisconnected(Date.now())

    s.on('connect', () => {
      retryDelay = RETRY_MIN_MS
      connection.markConnected(Date.now())
      // Joined the rooms first, then loaded: a change after the load's read arrives as a frame.
      cases.resync()
      units.resync()
      kpi.resync()
    })
    s.on('disconnect', (reason) => {
      connection.markDisconnected(Date.now())
      if (reason === 'io server disconnect') retryLater(s)
    })
    s.on('connect_error', (err) => {
      if (err.message === 'unauthorized') {
        // The router module sees the sign-out and shows the login page.
        s.disconnect()
        auth.logout()
        return
      }
      connection.markDisconnected(Date.now())
      if (!s.active) retryLater(s)
    })
    // Socket.IO's heartbeat: proof of life while no events are flowing.
    s.io.on('ping', () => connection.markMessage(Date.now()))

    s.on('snapshot', (snapshot) => {
      connection.markMessage(Date.now())
      if (connection.noteBootId(snapshot.bootId)) geo.reload()
      events.receiveSnapshot(snapshot)
    })
    s.on('events', (frame) => {
      connection.markMessage(Date.now())
      events.receiveFrame(frame)
    })
    s.on('cases', (frame) => {
      connection.markMessage(Date.now())
      cases.receive(frame.cases)
    })
    s.on('units', (frame) => {
      connection.markMessage(Date.now())
      units.receive(frame.units)
    })
    s.on('kpi', (frame) => {
      connection.markMessage(Date.now())
      kpi.receive(frame.kpi)
    })
    // No load to resync: each connect starts with a full frame, which replaces the picture.
    s.on('risk', (frame) => {
      connection.markMessage(Date.now())
      risk.receive(frame)
    })
  }

  onMounted(() => {
    open()
    ticker = setInterval(() => connection.tick(Date.now()), TICK_MS)
  })

  onBeforeUnmount(() => {
    clearInterval(ticker)
    clearTimeout(retryTimer)
    const s = socket
    socket = null
    s?.removeAllListeners()
    s?.io.removeAllListeners()
    s?.disconnect()
    connection.markDisconnected(Date.now())
    cases.stop()
    units.stop()
    kpi.stop()
  })
}
