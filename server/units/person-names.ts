/**
 * Seeded Chinese personal names for the generated roster (网格员 王芳): a common surname and a one- or
 * two-character given name. Made up; no real person is meant.
 */
import type { Random } from '../../geo/index.ts'

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余',
]
const GIVEN = [
  '芳', '伟', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平',
  '刚', '桂芳', '建华', '志强', '晓燕', '海燕', '红梅', '建国', '丹', '亮', '玲', '文', '斌', '宇', '浩', '凯', '婷', '雪',
  '俊杰', '欣怡', '子涵', '雨桐', '思远', '晨曦', '国强', '春梅', '德明', '小红', '雅琴', '玉兰',
]

/**
 * @example
 * personName(createRandom('u-1')) // '王芳'
 */
export function personName(rng: Pick<Random, 'pick'>): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN)
}
