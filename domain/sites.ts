/**
 * The sites below and beside the hierarchy (DESIGN §2.1): dedicated grids (专属网格) overlaid on it,
 * residential compounds (小区/院落) inside the grids and building units (楼栋) inside the compounds. The
 * sensor registry and the static risk model read these properties, so they are part of the contract.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { Path } from './event.ts'

export const DEDICATED_KINDS = ['school', 'hospital', 'market', 'construction', 'park'] as const
export const DedicatedKind = Type.Union(DEDICATED_KINDS.map((k) => Type.Literal(k)))
export type DedicatedKind = (typeof DEDICATED_KINDS)[number]

/** The three collections served at `/api/v1/geo/sites/{kind}.geojson`. */
export const SITE_KINDS = ['dedicated', 'compound', 'building'] as const
export const SiteKind = Type.Union(SITE_KINDS.map((k) => Type.Literal(k)))
export type SiteKind = (typeof SITE_KINDS)[number]

/** A dedicated grid: a school, hospital, market, construction site or park, inside one community. */
export const DedicatedProps = Type.Object({
  /** The community's id + `D` + three digits (`510108001001D001`): the letter keeps it apart from hierarchy ids, which are all digits. */
  id: Type.String(),
  name: Type.String(),
  kind: DedicatedKind,
  communityId: Type.String(),
  streetId: Type.String(),
})
export type DedicatedProps = Static<typeof DedicatedProps>

/** A residential compound (小区 / 院落), inside one grid. */
export const CompoundProps = Type.Object({
  /** The grid's id + `R` + two digits (`510108001001001R01`). */
  id: Type.String(),
  name: Type.String(),
  gridId: Type.String(),
  communityId: Type.String(),
  streetId: Type.String(),
  builtYear: Type.Integer(),
  /** 老旧小区: built before 2000. */
  old: Type.Boolean(),
  /** The sum of its buildings' households. */
  households: Type.Integer({ minimum: 0 }),
  /** Share of residents aged 60 or over. */
  elderlyShare: Type.Number({ minimum: 0, maximum: 1 }),
})
export type CompoundProps = Static<typeof CompoundProps>

/** A building unit (楼栋), inside one compound. */
export const BuildingProps = Type.Object({
  /** The compound's id + three digits (`510108001001001R01001`). */
  id: Type.String(),
  /** `1栋`, `2栋` … or `1号楼` … */
  name: Type.String(),
  compoundId: Type.String(),
  floors: Type.Integer({ minimum: 1 }),
  households: Type.Integer({ minimum: 0 }),
  /** The five-tier path of its centroid (the mean of its four corners), as the locator gives it. */
  path: Path,
})
export type BuildingProps = Static<typeof BuildingProps>

const PolygonGeometry = Type.Object({
  type: Type.Literal('Polygon'),
  coordinates: Type.Array(Type.Array(Type.Array(Type.Number(), { minItems: 2 }), { minItems: 4 })),
})

/** An RFC 7946 FeatureCollection of Polygon features with the given properties. */
function polygonCollection<P extends TSchema>(props: P, description: string) {
  return Type.Object(
    {
      type: Type.Literal('FeatureCollection'),
      features: Type.Array(
        Type.Object({ type: Type.Literal('Feature'), id: Type.String(), properties: props, geometry: PolygonGeometry }),
      ),
    },
    { description },
  )
}

export const DedicatedCollection = polygonCollection(DedicatedProps, 'Dedicated grids (专属网格)')
export const CompoundCollection = polygonCollection(CompoundProps, 'Residential compounds (小区/院落)')
export const BuildingCollection = polygonCollection(BuildingProps, 'Building units (楼栋)')
