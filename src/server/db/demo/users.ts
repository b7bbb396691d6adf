// One demo user per role and region the seed stories need; passwords are printed by `npm start`.
import type { Role } from '../schema/identity.ts';

export interface DemoUserSpec {
  username: string;
  password: string;
  role: Role;
  /** A region code, or 'country' for the root the reference data provides. */
  region: string;
  displayName: string;
  locale: 'zh-CN' | 'en-US';
  /** Enterprise users act for this organization (by Chinese name). */
  organization?: string;
}

// biome-ignore format: a table reads best one row per line
export const DEMO_USERS: readonly DemoUserSpec[] = [
  { username: 'admin', password: 'luodi-admin-2024', role: 'admin', region: 'country', displayName: '系统管理员 Administrator', locale: 'zh-CN' },
  { username: 'fujian.leader', password: 'luodi-leader-2024', role: 'leader', region: '350000', displayName: '陈明（福建省发展和改革委员会）', locale: 'zh-CN' },
  { username: 'fuzhou.officer', password: 'luodi-officer-2024', role: 'officer', region: '350100', displayName: '林晓（福州市商务局招商专员）', locale: 'zh-CN' },
  { username: 'fuzhou.leader', password: 'luodi-leader-2024', role: 'leader', region: '350100', displayName: '黄建（福州市政府）', locale: 'zh-CN' },
  { username: 'quanzhou.officer', password: 'luodi-officer-2024', role: 'officer', region: '350500', displayName: '颜雅（泉州市招商办招商专员）', locale: 'zh-CN' },
  { username: 'quanzhou.leader', password: 'luodi-leader-2024', role: 'leader', region: '350500', displayName: '王志（泉州市政府）', locale: 'zh-CN' },
  { username: 'shijiazhuang.officer', password: 'luodi-officer-2024', role: 'officer', region: '130100', displayName: 'Li Chun（石家庄市商务局）', locale: 'en-US' },
  { username: 'fuzhou.organizer', password: 'luodi-organizer-2024', role: 'organizer', region: '350100', displayName: '程英（福州市会务组）', locale: 'zh-CN' },
  { username: 'fuzhou.service', password: 'luodi-service-2024', role: 'service', region: '350100', displayName: '郑华（福州市工业和信息化局）', locale: 'zh-CN' },
  {
    username: 'baihong.enterprise',
    password: 'luodi-enterprise-2024',
    role: 'enterprise',
    region: '350582',
    displayName: '百宏聚纤 项目联络人',
    locale: 'zh-CN',
    organization: '福建百宏聚纤科技实业有限公司',
  },
];

/** Who owns the projects of a region: the officer of the city (or province) it lies in. */
export function ownerFor(regionCode: string): string | null {
  if (regionCode.startsWith('3501')) return 'fuzhou.officer';
  if (regionCode.startsWith('3505')) return 'quanzhou.officer';
  if (regionCode.startsWith('13')) return 'shijiazhuang.officer';
  return null;
}
