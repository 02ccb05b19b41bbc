/**
 * Units (处置力量) in the user's scope, for the dispatch overlay: loaded with `GET /api/v1/units` on
 * every socket connect, then kept current by `units` frames (status and position).
 */
import { defineStore } from 'pinia'
import type { Unit } from '../../domain/units.ts'
import { useLiveDocuments } from './live-documents.ts'

export const useUnitsStore = defineStore('units', () => {
  const docs = useLiveDocuments<Unit>({
    url: '/api/v1/units',
    // `{units: [...]}`, or a bare array: the contract names the route, not yet its envelope.
    pick: (reply) => (Array.isArray(reply) ? (reply as Unit[]) : ((reply as { units?: Unit[] }).units ?? [])),
    keep: () => true,
  })
  return { ...docs }
})
