import {
  ApartmentOutlined,
  ApiOutlined,
  AppstoreOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  GlobalOutlined,
  LogoutOutlined,
  ProjectOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Dropdown, Layout, Menu, Space, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useLocale } from '../i18n/locale.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { canOpen, type Page, useSession } from './session.tsx';

const NAV: { key: string; path: string; label: MessageKey; icon: React.ReactNode; page: Page }[] = [
  { key: '/', path: '/', label: 'nav.workbench', icon: <DashboardOutlined />, page: 'workbench' },
  { key: '/projects', path: '/projects', label: 'nav.projects', icon: <ProjectOutlined />, page: 'projects' },
  {
    key: '/projects/kanban',
    path: '/projects/kanban',
    label: 'nav.kanban',
    icon: <AppstoreOutlined />,
    page: 'projects',
  },
  {
    key: '/organizations',
    path: '/organizations',
    label: 'nav.organizations',
    icon: <ApartmentOutlined />,
    page: 'organizations',
  },
  { key: '/events', path: '/events', label: 'nav.events', icon: <CalendarOutlined />, page: 'events' },
  {
    key: '/agreements',
    path: '/agreements',
    label: 'nav.agreements',
    icon: <FileProtectOutlined />,
    page: 'events',
  },
  { key: '/webhooks', path: '/webhooks', label: 'nav.webhooks', icon: <ApiOutlined />, page: 'webhooks' },
];

function selectedKey(pathname: string): string {
  if (pathname.startsWith('/projects/kanban')) return '/projects/kanban';
  if (pathname.startsWith('/projects')) return '/projects';
  if (pathname.startsWith('/organizations')) return '/organizations';
  if (pathname.startsWith('/events')) return '/events';
  if (pathname.startsWith('/agreements')) return '/agreements';
  if (pathname.startsWith('/webhooks')) return '/webhooks';
  return '/';
}

export function AppLayout() {
  const { t, locale, setLocale } = useLocale();
  const { user, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const items = NAV.filter((item) => !user || canOpen(user, item.page)).map((item) => ({
    key: item.key,
    icon: item.icon,
    label: <Link to={item.path}>{t(item.label)}</Link>,
  }));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64} theme="dark">
        <Link
          to="/"
          style={{ display: 'flex', alignItems: 'center', gap: 10, padding: '18px 20px', color: '#fff' }}
        >
          <span
            style={{
              display: 'grid',
              placeItems: 'center',
              width: 32,
              height: 32,
              borderRadius: 6,
              background: '#b7232d',
              fontWeight: 700,
            }}
          >
            落
          </span>
          <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>{t('app.name')}</span>
        </Link>
        <Menu theme="dark" mode="inline" selectedKeys={[selectedKey(location.pathname)]} items={items} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            padding: '0 24px',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          <Space size="middle">
            <Button
              icon={<GlobalOutlined />}
              type="text"
              onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
              data-testid="switch-language"
            >
              {t('common.language')}
            </Button>
            <a href="/api/docs" target="_blank" rel="noreferrer">
              {t('nav.apiDocs')}
            </a>
            {user && (
              <Dropdown
                menu={{
                  items: [
                    {
                      key: 'sign-out',
                      icon: <LogoutOutlined />,
                      label: t('auth.signOut'),
                      onClick: async () => {
                        await signOut();
                        navigate('/sign-in');
                      },
                    },
                  ],
                }}
              >
                <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
                  <Avatar size="small" icon={<UserOutlined />} />
                  <span>{user.displayName}</span>
                  <Typography.Text type="secondary">{t(`role.${user.role}`)}</Typography.Text>
                </Space>
              </Dropdown>
            )}
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
