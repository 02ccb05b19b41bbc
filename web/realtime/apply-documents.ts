/**
 * Folding `cases` and `units` frames into the documents a store holds. A frame carries documents as
 * they now stand; one older than what is held (a frame that raced the HTTP load, say) is ignored by
 * its `updatedAt`, and one that no longer belongs (a case resolved, closed or cancelled) is dropped.
 */

export interface DocumentPolicy<T> {
  /** Whether the document stays in the store (false: it is removed). */
  keep: (doc: T) => boolean
}

/**
 * A new map when something changed, or null when the frame changed nothing (so the store does not
 * wake its watchers for nothing).
 *
 * @example
 * applyDocuments(new Map(), [{ id: 'C-1', updatedAt: '2026-11-29T01:00:00Z', status: 'new' }], { keep: () => true })
 * // Map { 'C-1' => {…} }
 */
export function applyDocuments<T extends { id: string; updatedAt: string }>(
  current: ReadonlyMap<string, T>,
  docs: readonly T[],
  policy: DocumentPolicy<T>,
): Map<string, T> | null {
  let next: Map<string, T> | null = null
  for (const doc of docs) {
    const held = (next ?? current).get(doc.id)
    // ISO-8601 UTC strings of one server compare in time order; an equal one is a re-send, applied.
    if (held && Date.parse(held.updatedAt) > Date.parse(doc.updatedAt)) continue
    const keep = policy.keep(doc)
    if (!keep && !held) continue
    next ??= new Map(current)
    if (keep) next.set(doc.id, doc)
    else next.delete(doc.id)
  }
  return next
}
