/**
 * The fan-out seam (DESIGN §3): committed events are published here and the realtime layer
 * subscribes. In-process by default; the Redis adapter path replaces it across nodes.
 */
import fp from 'fastify-plugin'
import { EventEmitter } from 'node:events'
import type { StoredEvent } from '../../domain/event.ts'

export interface EventBus {
  publish(events: StoredEvent[]): void
  subscribe(handler: (events: StoredEvent[]) => void): () => void
}

declare module 'fastify' {
  interface FastifyInstance {
    bus: EventBus
  }
}

export function createInProcessBus(): EventBus {
  const emitter = new EventEmitter()
  return {
    publish: (events) => void emitter.emit('events', events),
    subscribe(handler) {
      emitter.on('events', handler)
      return () => emitter.off('events', handler)
    },
  }
}

export default fp(
  async (fastify) => {
    fastify.decorate('bus', createInProcessBus())
  },
  { name: 'bus' },
)
