import { createRouter, createWebHashHistory } from 'vue-router';
import DesignView from './views/DesignView.vue';
import RunsView from './views/RunsView.vue';
import RunDetailView from './views/RunDetailView.vue';
import CompareView from './views/CompareView.vue';
import AboutView from './views/AboutView.vue';
import SettingsView from './views/SettingsView.vue';

// Hash history: the same URLs work from Electron's app:// protocol and from the static server
// without any server-side fallback route.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/runs' },
    { path: '/design', component: DesignView, meta: { title: 'Design' } },
    { path: '/runs', component: RunsView, meta: { title: 'Runs' } },
    { path: '/runs/:id(\\d+)', component: RunDetailView, props: true, meta: { title: 'Run' } },
    { path: '/compare', component: CompareView, meta: { title: 'Compare' } },
    { path: '/settings', component: SettingsView, meta: { title: 'Settings' } },
    { path: '/about', component: AboutView, meta: { title: 'About' } },
    { path: '/:rest(.*)*', redirect: '/runs' },
  ],
});

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? 'Lab')} · Heavy-Tail SGD Lab`;
});
