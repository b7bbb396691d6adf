import { createRoot } from 'react-dom/client';
import { Providers } from './app/providers.tsx';
import { AppRouter } from './app/router.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <Providers>
      <AppRouter />
    </Providers>,
  );
}
