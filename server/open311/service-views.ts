/** The hotline's services as Open311 publishes them: the service list and one service's definition. */
import type { HotlineServiceDef } from '../../domain/hotline-services.ts'
import type { Service, ServiceDefinition } from './open311-schemas.ts'

/** A service needs its definition fetched only when it has attributes (Open311 `metadata`). */
export function toService(s: HotlineServiceDef): Service {
  return {
    service_code: s.code,
    service_name: s.zh,
    description: s.description,
    metadata: s.attributes.length > 0,
    // Every request gets its id in the POST reply: no tokens, no black box.
    type: 'realtime',
    keywords: s.keywords.join(', '),
    group: s.group,
  }
}

export function toServiceDefinition(s: HotlineServiceDef): ServiceDefinition {
  return {
    service_code: s.code,
    attributes: s.attributes.map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description,
      order: a.order,
      description: a.description,
      ...(a.values ? { values: a.values.map((v) => ({ key: v.key, name: v.name })) } : {}),
    })),
  }
}
