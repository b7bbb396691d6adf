// Every string the web app shows, in both languages. Features add their own tables below.
import { AGREEMENT_MESSAGES } from '../features/agreements/messages.ts';
import { EVENT_MESSAGES } from '../features/events/messages.ts';
import { ORGANIZATION_MESSAGES } from '../features/organizations/messages.ts';
import { PROJECT_MESSAGES } from '../features/projects/messages.ts';
import { SCREEN_MESSAGES } from '../features/screen/messages.ts';
import { SIGNING_MESSAGES } from '../features/signing/messages.ts';
import { WEBHOOK_MESSAGES } from '../features/webhooks/messages.ts';

export interface Message {
  zh: string;
  en: string;
}

const COMMON = {
  'app.name': { zh: '落地', en: 'Luodi' },
  'app.tagline': { zh: '招商引资全流程平台', en: 'Investment promotion and project landing' },
  'nav.workbench': { zh: '工作台', en: 'Workbench' },
  'nav.projects': { zh: '项目库', en: 'Projects' },
  'nav.kanban': { zh: '项目看板', en: 'Pipeline board' },
  'nav.organizations': { zh: '单位库', en: 'Organizations' },
  'nav.events': { zh: '活动管理', en: 'Events' },
  'nav.apiDocs': { zh: '接口文档', en: 'API docs' },
  'auth.signIn': { zh: '登录', en: 'Sign in' },
  'auth.signOut': { zh: '退出登录', en: 'Sign out' },
  'auth.username': { zh: '用户名', en: 'User name' },
  'auth.password': { zh: '密码', en: 'Password' },
  'auth.welcome': { zh: '欢迎使用落地招商平台', en: 'Welcome to Luodi' },
  'auth.demoHint': {
    zh: '演示账号见启动时的终端输出，例如 {username} / {password}',
    en: 'Demo sign-ins are printed when the server starts, e.g. {username} / {password}',
  },
  'role.admin': { zh: '管理员', en: 'Administrator' },
  'role.leader': { zh: '领导', en: 'Leader' },
  'role.officer': { zh: '招商专员', en: 'Promotion officer' },
  'role.organizer': { zh: '会务', en: 'Event organizer' },
  'role.service': { zh: '职能部门', en: 'Service department' },
  'role.enterprise': { zh: '企业', en: 'Enterprise' },
  'common.search': { zh: '搜索', en: 'Search' },
  'common.reset': { zh: '重置', en: 'Reset' },
  'common.save': { zh: '保存', en: 'Save' },
  'common.cancel': { zh: '取消', en: 'Cancel' },
  'common.create': { zh: '新建', en: 'New' },
  'common.edit': { zh: '编辑', en: 'Edit' },
  'common.back': { zh: '返回', en: 'Back' },
  'common.confirm': { zh: '确认', en: 'Confirm' },
  'common.loading': { zh: '加载中…', en: 'Loading…' },
  'common.retry': { zh: '重试', en: 'Retry' },
  'common.empty': { zh: '暂无数据', en: 'No data' },
  'common.yes': { zh: '是', en: 'Yes' },
  'common.no': { zh: '否', en: 'No' },
  'common.all': { zh: '全部', en: 'All' },
  'common.more': { zh: '加载更多', en: 'Load more' },
  'list.moreFailed': { zh: '加载更多失败：{message}', en: 'Could not load more: {message}' },
  'list.allLoaded': { zh: '已全部显示', en: 'All shown' },
  'common.export': { zh: '导出 Excel', en: 'Export to Excel' },
  'common.total': { zh: '共 {count} 项', en: '{count} in total' },
  'common.selected': { zh: '已选 {count} 项', en: '{count} selected' },
  'common.language': { zh: 'English', en: '中文' },
  'common.saved': { zh: '已保存', en: 'Saved' },
  'common.required': { zh: '必填', en: 'Required' },
  'common.organizationSearch': { zh: '输入单位名称搜索', en: 'Type to search organizations' },
  'error.title': { zh: '出错了', en: 'Something went wrong' },
  'error.network': { zh: '无法连接服务器', en: 'Cannot reach the server' },
  'error.forbiddenTitle': { zh: '无权访问', en: 'Access denied' },
  'error.forbidden': {
    zh: '您的角色或辖区无权查看此页面。',
    en: 'Your role or region may not see this page.',
  },
  'error.notFoundTitle': { zh: '页面不存在', en: 'Page not found' },
  'error.notFound': {
    zh: '没有找到这个页面，或者它不在您的辖区内。',
    en: 'This page does not exist or is outside your region.',
  },
  'error.goHome': { zh: '回到工作台', en: 'Back to the workbench' },
} satisfies Record<string, Message>;

export const MESSAGES = {
  ...COMMON,
  ...PROJECT_MESSAGES,
  ...ORGANIZATION_MESSAGES,
  ...EVENT_MESSAGES,
  ...SIGNING_MESSAGES,
  ...AGREEMENT_MESSAGES,
  ...WEBHOOK_MESSAGES,
  ...SCREEN_MESSAGES,
};
export type MessageKey = keyof typeof MESSAGES;
