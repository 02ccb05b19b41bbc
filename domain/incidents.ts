/**
 * A grid worker's report (网格员上报) as the field app posts it to `POST /api/v1/incidents`: what the
 * worker saw, where, and the photos taken. It becomes an `incident` event like any other.
 */
import { Type, type Static } from '@sinclair/typebox'
import { categoryOf, IngestLocation, MAX_PHOTOS, Severity, Timestamp } from './event.ts'
import { MediaUrl } from './detection-frame.ts'

export const IncidentReport = Type.Object(
  {
    /** The field app's own id for the report: re-sending it is safe (the event's `sourceId`). */
    reportId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    category: categoryOf('incident'),
    severity: Type.Optional(Severity),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.String({ minLength: 1, maxLength: 4000 }),
    location: IngestLocation,
    /** The reporting grid worker (网格员编号). */
    workerId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
    photos: Type.Optional(Type.Array(MediaUrl, { maxItems: MAX_PHOTOS })),
    /** When the worker saw it; the time it arrives when the app does not say. */
    occurredAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
)
export type IncidentReport = Static<typeof IncidentReport>
