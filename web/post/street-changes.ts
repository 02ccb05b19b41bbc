/**
 * Whether a live list (cases or units, kept by the socket's frames) changed anything in one street:
 * the post reloads only then, not on every frame of a busy district.
 */

/**
 * True when a document of `street` was added, replaced or dropped between `prev` and `next`.
 * Documents are replaced, never mutated, so identity says whether one changed.
 *
 * @example
 * touchesStreet(before, after, '510108004', (c) => c.path.street) // true: a case there moved
 */
export function touchesStreet<T>(
  prev: ReadonlyMap<string, T> | undefined,
  next: ReadonlyMap<string, T>,
  street: string,
  streetOf: (doc: T) => string | null,
): boolean {
  for (const [id, doc] of next) {
    if (prev?.get(id) !== doc && streetOf(doc) === street) return true
  }
  if (prev) {
    for (const [id, doc] of prev) {
      if (!next.has(id) && streetOf(doc) === street) return true
    }
  }
  return false
}
