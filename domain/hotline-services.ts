/**
 * The 12345 hotline (接诉即办) service list: every hotline category with what Open311 GeoReport v2
 * publishes about it (group, description, keywords, attribute definitions) and the SLA that sets a
 * request's `expected_datetime`. `TAXONOMY.hotline` in taxonomy.ts is this list, so ingest, the
 * wall and `/open311/v2/` all speak the same codes.
 *
 * The groups follow how a district's 12345 centre sorts its calls (城市管理, 物业与住房, 市政设施,
 * 水电气暖, 生态环境, 交通出行, 市场监管, 劳动保障, 文明养犬). SLA hours are calendar hours, not the
 * working days some cities count in: there is no working-day calendar here yet.
 */
import type { Severity } from './event.ts'
import type { CategoryDef } from './taxonomy.ts'

/** Open311's attribute datatypes (GeoReport v2, GET Service Definition). */
export const ATTRIBUTE_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const
export type AttributeDatatype = (typeof ATTRIBUTE_DATATYPES)[number]

export interface AttributeValue {
  key: string
  name: string
}

/** One attribute of a service definition, with Open311's own field names. */
export interface ServiceAttribute {
  /** `false`: shown to the caller as information only, never sent back. */
  variable: boolean
  code: string
  datatype: AttributeDatatype
  required: boolean
  datatype_description: string | null
  /** 1 is shown first. */
  order: number
  description: string
  /** For `singlevaluelist` and `multivaluelist` only. */
  values?: AttributeValue[]
}

export interface ServiceSla {
  /** Hours within which the handling unit must contact the caller (响应时限). */
  respondHours: number
  /** Hours within which the request must be resolved (办结时限); `expected_datetime` = requested + this. */
  resolveHours: number
}

export interface HotlineServiceDef extends CategoryDef {
  /** Open311 `group`, in Chinese. */
  group: string
  /** Open311 `description`, in Chinese. */
  description: string
  keywords: readonly string[]
  sla: ServiceSla
  /** Empty when the service needs nothing beyond location and description (`metadata: false`). */
  attributes: readonly ServiceAttribute[]
}

// Attribute builders: `order` is the position in the service's list, so it is never set by hand.
type AttributeSpec = Omit<ServiceAttribute, 'order'>
const opts = (pairs: Array<[string, string]>): AttributeValue[] => pairs.map(([key, name]) => ({ key, name }))
const single = (code: string, description: string, values: Array<[string, string]>, required = true): AttributeSpec =>
  ({ variable: true, code, datatype: 'singlevaluelist', required, datatype_description: '单选', description, values: opts(values) })
const multi = (code: string, description: string, values: Array<[string, string]>, required = true): AttributeSpec =>
  ({ variable: true, code, datatype: 'multivaluelist', required, datatype_description: '可多选', description, values: opts(values) })
const num = (code: string, description: string, unit: string, required = false): AttributeSpec =>
  ({ variable: true, code, datatype: 'number', required, datatype_description: `数字（${unit}）`, description })
const str = (code: string, description: string, required = false): AttributeSpec =>
  ({ variable: true, code, datatype: 'string', required, datatype_description: '单行文字', description })
const when = (code: string, description: string, required = false): AttributeSpec =>
  ({ variable: true, code, datatype: 'datetime', required, datatype_description: 'ISO 8601 时间，如 2026-11-22T21:30:00+08:00；不带时区按北京时间', description })
/** Information for the caller (Open311 `variable: false`): shown, never answered. */
const info = (code: string, description: string): AttributeSpec =>
  ({ variable: false, code, datatype: 'text', required: false, datatype_description: null, description })

const YES_NO: Array<[string, string]> = [['yes', '是'], ['no', '否']]

function service(
  code: string, zh: string, en: string, group: string, defaultSeverity: Severity, sla: [respond: number, resolve: number],
  description: string, keywords: string[], attributes: AttributeSpec[] = [],
): HotlineServiceDef {
  return {
    code, zh, en, group, defaultSeverity, description, keywords,
    sla: { respondHours: sla[0], resolveHours: sla[1] },
    attributes: attributes.map((a, i) => ({ ...a, order: i + 1 })),
  }
}

const URBAN = '城市管理'
const HOUSING = '物业与住房'
const MUNICIPAL = '市政设施'
const UTILITIES = '水电气暖'
const ENVIRONMENT = '生态环境'
const TRAFFIC = '交通出行'
const MARKET = '市场监管'
const LABOUR = '劳动保障'
const DOGS = '文明养犬'

export const HOTLINE_SERVICES: readonly HotlineServiceDef[] = [
  // 城市管理
  service('city_appearance', '市容环境', 'City appearance', URBAN, 'minor', [24, 72],
    '乱贴乱画、乱堆乱放、店外经营、乱晾乱挂等影响市容的问题。', ['小广告', '牛皮癣', '乱堆乱放', '店外经营', '市容'], [
      single('issue_type', '问题类型', [['flyposting', '乱贴小广告'], ['clutter', '乱堆乱放'], ['outside_shop', '店外经营'], ['hanging', '乱晾乱挂'], ['other', '其他']]),
    ]),
  service('illegal_construction', '违法建设', 'Illegal construction', URBAN, 'moderate', [24, 360],
    '私搭乱建、楼顶加建、破墙开门、圈占绿地等未经批准的建设。', ['违建', '私搭乱建', '加层', '破墙开门'], [
      single('construction_type', '违建类型', [['rooftop', '楼顶加建'], ['wall_opening', '破墙开门'], ['green_space', '圈占绿地'], ['balcony', '阳台外扩'], ['other', '其他']]),
      single('progress', '建设进度', [['building', '正在施工'], ['built', '已建成']]),
    ]),
  service('street_vending', '占道经营', 'Street vending', URBAN, 'minor', [24, 72],
    '流动摊贩、马路市场、占用人行道或车行道经营。', ['摊贩', '占道', '马路市场', '夜市']),
  service('garbage_collection', '垃圾清运', 'Garbage collection', URBAN, 'minor', [12, 48],
    '生活垃圾、建筑垃圾、大件垃圾未及时清运，垃圾桶满溢。', ['垃圾', '清运', '满溢', '建渣'], [
      single('waste_type', '垃圾类型', [['household', '生活垃圾'], ['construction', '建筑垃圾'], ['bulky', '大件垃圾'], ['kitchen', '餐厨垃圾']]),
    ]),

  // 物业与住房
  service('property_management', '物业管理', 'Property management', HOUSING, 'minor', [24, 168],
    '物业服务不到位、公共设施失修、物业收费争议等。', ['物业', '小区', '保洁', '物业费'], [
      str('compound_name', '小区名称', true),
      multi('issues', '问题类型', [['cleaning', '保洁'], ['security', '安保'], ['repair', '公共设施维修'], ['fees', '收费'], ['parking', '停车管理'], ['greening', '绿化养护']]),
    ]),
  service('elevator_fault', '电梯故障', 'Elevator fault', HOUSING, 'moderate', [1, 24],
    '住宅或公共场所电梯停运、困人、异响、运行异常。', ['电梯', '困人', '停运', '异响'], [
      info('emergency', '如有人员被困，请立即拨打轿厢内张贴的应急救援电话或 119。'),
      single('trapped', '是否有人被困', YES_NO),
      str('building', '楼栋单元（如 3 栋 2 单元）'),
    ]),
  service('housing_safety', '房屋安全', 'Housing safety', HOUSING, 'moderate', [12, 168],
    '墙体开裂、外墙脱落、屋面渗漏、结构变形等房屋安全隐患。', ['危房', '开裂', '外墙脱落', '渗漏'], [
      multi('hazards', '隐患类型', [['cracks', '墙体开裂'], ['facade', '外墙脱落'], ['leaks', '屋面渗漏'], ['deformation', '结构变形']]),
      num('built_year', '建成年份（如知道）', '年'),
    ]),
  service('rental_housing', '房屋租赁', 'Rental housing', HOUSING, 'minor', [24, 360],
    '押金不退、群租、中介违规、租赁合同纠纷。', ['租房', '押金', '群租', '中介'], [
      single('issue', '问题类型', [['deposit', '押金不退'], ['overcrowding', '群租'], ['agency', '中介违规'], ['contract', '合同纠纷']]),
    ]),

  // 市政设施
  service('road_damage', '道路破损', 'Road damage', MUNICIPAL, 'minor', [12, 72],
    '路面坑槽、塌陷，人行道砖松动破损，路缘石损坏。', ['坑洼', '塌陷', '人行道', '路面'], [
      single('damage_type', '破损类型', [['pothole', '坑槽'], ['subsidence', '塌陷'], ['sidewalk', '人行道破损'], ['curb', '路缘石损坏']]),
      num('area', '破损面积（估计）', '平方米'),
    ]),
  service('manhole_cover', '井盖缺失', 'Manhole cover', MUNICIPAL, 'moderate', [1, 24],
    '窨井盖缺失、破损、松动异响或下沉，易致人车跌落。', ['井盖', '窨井', '下水道盖'], [
      single('condition', '井盖状况', [['missing', '缺失'], ['broken', '破损'], ['loose', '松动异响'], ['sunken', '下沉']]),
    ]),
  service('streetlight', '路灯故障', 'Streetlight fault', MUNICIPAL, 'minor', [24, 72],
    '路灯不亮、白天亮灯、灯杆倾斜或线路外露。', ['路灯', '不亮', '灯杆']),
  service('fallen_tree', '树木倒伏', 'Fallen tree', MUNICIPAL, 'moderate', [2, 24],
    '行道树倒伏、断枝，影响通行或危及安全。', ['倒树', '断枝', '行道树', '绿化'], [
      single('blocking', '是否阻断通行', YES_NO),
    ]),
  service('waterlogging', '积水内涝', 'Waterlogging', MUNICIPAL, 'moderate', [1, 24],
    '路面、下穿隧道、小区或地下车库积水。', ['积水', '内涝', '淹水', '下穿'], [
      single('depth', '积水深度', [['ankle', '没过脚踝'], ['knee', '没过膝盖'], ['deeper', '更深']]),
      single('place', '积水位置', [['road', '道路'], ['underpass', '下穿隧道'], ['compound', '小区'], ['garage', '地下车库']], false),
    ]),

  // 水电气暖
  service('water_supply', '供水', 'Water supply', UTILITIES, 'moderate', [2, 24],
    '停水、水压低、水质异常、供水管道爆裂。', ['停水', '水压', '水质', '爆管'], [
      single('issue', '问题类型', [['outage', '停水'], ['low_pressure', '水压低'], ['quality', '水质异常'], ['burst', '管道爆裂']]),
      num('households', '影响户数（估计）', '户'),
    ]),
  service('power_supply', '供电', 'Power supply', UTILITIES, 'moderate', [2, 24],
    '停电、电压不稳、供电线路隐患。', ['停电', '电压', '线路'], [
      single('issue', '问题类型', [['outage', '停电'], ['voltage', '电压不稳'], ['line_hazard', '线路隐患']]),
      num('households', '影响户数（估计）', '户'),
    ]),
  service('gas_supply', '供气', 'Gas supply', UTILITIES, 'moderate', [1, 24],
    '燃气异味、停气、燃气设施隐患、缴费问题。', ['燃气', '天然气', '异味', '停气'], [
      info('safety', '如闻到燃气异味：请勿开关电器、勿动明火，立即开窗并撤离，在室外拨打燃气抢修电话或 119。'),
      single('issue', '问题类型', [['smell', '燃气异味'], ['outage', '停气'], ['facility', '设施隐患'], ['billing', '缴费问题']]),
    ]),
  service('heating', '供暖', 'Heating', UTILITIES, 'moderate', [4, 48],
    '集中供暖暖气不热、停暖、管道漏水。', ['暖气', '供暖', '不热'], [
      single('issue', '问题类型', [['not_warm', '暖气不热'], ['stopped', '停暖'], ['leak', '管道漏水']]),
      num('households', '影响户数', '户', true),
      num('indoor_temperature', '室内温度', '°C'),
    ]),
  service('drainage', '排水管网', 'Drainage', UTILITIES, 'moderate', [4, 48],
    '下水道堵塞、污水外溢、化粪池满溢。', ['下水道', '堵塞', '污水', '化粪池'], [
      single('issue', '问题类型', [['blocked', '管道堵塞'], ['overflow', '污水外溢'], ['septic', '化粪池满溢']]),
    ]),

  // 生态环境
  service('noise', '噪声扰民', 'Noise', ENVIRONMENT, 'minor', [2, 24],
    '施工、商铺、生活或交通噪声影响休息。', ['噪音', '噪声', '扰民', '施工'], [
      single('noise_type', '噪声类型', [['construction', '施工'], ['shop', '商铺'], ['household', '生活'], ['traffic', '交通']]),
      single('period', '发生时段', [['day', '白天（6:00–22:00）'], ['night', '夜间（22:00–次日 6:00）'], ['all_day', '全天']]),
      when('started_at', '开始时间'),
    ]),
  service('cooking_fumes', '餐饮油烟', 'Cooking fumes', ENVIRONMENT, 'minor', [24, 120],
    '餐饮油烟、异味直排扰民。', ['油烟', '异味', '餐馆'], [
      str('shop_name', '商户名称'),
    ]),
  service('dust_pollution', '扬尘污染', 'Dust pollution', ENVIRONMENT, 'minor', [12, 72],
    '工地、道路扬尘，渣土车抛洒滴漏。', ['扬尘', '渣土', '灰尘'], [
      single('dust_source', '扬尘来源', [['site', '建筑工地'], ['road', '道路'], ['haulage', '渣土运输'], ['yard', '堆场']]),
    ]),
  service('water_pollution', '水体污染', 'Water pollution', ENVIRONMENT, 'moderate', [24, 120],
    '河道、沟渠水体发黑发臭，偷排污水。', ['河道', '黑臭', '排污']),

  // 交通出行
  service('illegal_parking', '违章停车', 'Illegal parking', TRAFFIC, 'minor', [2, 24],
    '占用消防通道、人行道停车、堵塞出入口。', ['乱停车', '堵门', '消防通道'], [
      single('fire_lane', '是否占用消防通道', YES_NO),
    ]),
  service('shared_bikes', '共享单车乱停放', 'Shared bikes', TRAFFIC, 'minor', [24, 48],
    '共享单车、电单车乱停乱放、堆积占道。', ['共享单车', '电单车', '乱停']),
  service('traffic_signal', '信号灯故障', 'Traffic signal fault', TRAFFIC, 'moderate', [1, 24],
    '交通信号灯不亮、常亮、配时不合理或倒计时故障。', ['红绿灯', '信号灯', '配时'], [
      single('fault', '故障类型', [['dark', '不亮'], ['stuck', '常亮'], ['timing', '配时不合理'], ['countdown', '倒计时故障']]),
    ]),
  service('bus_service', '公交服务', 'Bus service', TRAFFIC, 'minor', [24, 120],
    '公交站点、线路、班次或驾驶员服务问题。', ['公交', '站台', '班次'], [
      str('route', '线路（如 52 路）'),
    ]),

  // 市场监管
  service('market_supervision', '市场监管', 'Market supervision', MARKET, 'minor', [24, 168],
    '缺斤少两、价格违法、无证经营、虚假宣传。', ['缺斤少两', '价格', '无证', '虚假宣传'], [
      single('issue', '问题类型', [['short_weight', '缺斤少两'], ['pricing', '价格违法'], ['unlicensed', '无证经营'], ['advertising', '虚假宣传']]),
      str('shop_name', '商户名称'),
    ]),
  service('food_safety', '食品安全', 'Food safety', MARKET, 'moderate', [2, 72],
    '过期变质食品、餐饮卫生问题、疑似食物中毒。', ['食品', '过期', '卫生', '中毒'], [
      single('issue', '问题类型', [['expired', '过期变质'], ['hygiene', '餐饮卫生'], ['poisoning', '疑似食物中毒'], ['unlicensed', '无证生产']]),
      when('consumed_at', '购买或就餐时间'),
    ]),
  service('consumer_rights', '消费维权', 'Consumer rights', MARKET, 'minor', [24, 168],
    '预付卡、退换货、售后服务纠纷。', ['预付卡', '退款', '售后', '维权'], [
      single('prepaid', '是否预付卡消费', YES_NO, false),
      num('amount', '涉及金额', '元'),
    ]),

  // 劳动保障
  service('wage_arrears', '欠薪', 'Wage arrears', LABOUR, 'moderate', [24, 360],
    '拖欠、克扣劳动者工资，含农民工工资。', ['欠薪', '工资', '农民工', '讨薪'], [
      str('employer', '用人单位或工地名称', true),
      num('workers', '涉及人数', '人', true),
      num('amount', '拖欠金额（估计）', '元'),
      single('sector', '行业', [['construction', '建筑工地'], ['catering', '餐饮服务'], ['manufacturing', '加工制造'], ['other', '其他']], false),
    ]),
  service('labour_contract', '劳动合同', 'Labour contract', LABOUR, 'minor', [24, 360],
    '未签劳动合同、违法解除、未缴社保。', ['劳动合同', '辞退', '社保'], [
      single('issue', '问题类型', [['no_contract', '未签合同'], ['dismissal', '违法解除'], ['insurance', '未缴社保']]),
    ]),

  // 文明养犬
  service('dog_keeping', '文明养犬', 'Civilised dog-keeping', DOGS, 'minor', [24, 72],
    '遛犬不牵绳、犬吠扰民、粪便未清理、饲养禁养犬、犬只伤人。', ['养犬', '遛狗', '牵绳', '犬吠'], [
      multi('issues', '问题类型', [['unleashed', '未牵绳'], ['barking', '犬吠扰民'], ['fouling', '粪便未清理'], ['banned_breed', '禁养犬'], ['bite', '犬只伤人']]),
      single('dog_size', '犬只体型', [['small', '小型'], ['medium', '中型'], ['large', '大型']], false),
    ]),
  service('stray_animals', '流浪动物', 'Stray animals', DOGS, 'minor', [12, 72],
    '流浪犬猫聚集、有伤人风险。', ['流浪狗', '流浪猫', '流浪犬'], [
      single('animal', '动物种类', [['dog', '犬'], ['cat', '猫'], ['other', '其他']]),
      num('count', '数量（估计）', '只'),
    ]),
]

const byCode = new Map(HOTLINE_SERVICES.map((s) => [s.code, s]))

/** The hotline service with this code, or undefined. */
export function findHotlineService(code: string): HotlineServiceDef | undefined {
  return byCode.get(code)
}
