// Autochec web client: plain ES modules served by the gateway, no build step, no dependencies (ADR 0006).
// Hash routes (#/controle, #/admin/documents…) keep every screen reachable without server-side routing;
// the service worker (/sw.js) caches this shell so an offline reload still shows the app and its queue.
import { t, initLanguage, setLanguage, currentLanguage, codeLabel } from './i18n.js';
import * as auth from './auth.js';
import { h, message } from './ui.js';
import * as queue from './offline.js';
import { checkScreen, sendQueued } from './views/check.js';
import { historyScreen, queueScreen, toolsScreen } from './views/agent.js';
import { verifyScreen } from './views/verify.js';
import * as owner from './views/owner.js';
import * as admin from './views/admin.js';

const $ = (id) => document.getElementById(id);

// path → [nav key, roles allowed (null: everyone), screen]
const ROUTES = {
  '/': ['nav.home', null, (ctx) => checkScreen({ role: ctx.role, query: ctx.query, landing: ctx.role !== 'agent' })],
  '/controle': ['nav.check', null, (ctx) => checkScreen({ role: ctx.role, query: ctx.query })],
  '/historique': ['nav.history', null, historyScreen],
  '/file': ['nav.queue', null, queueScreen],
  '/outils': ['nav.tools', ['agent', 'admin'], toolsScreen],
  '/verifier': ['nav.verify', null, verifyScreen],
  '/vehicules': ['nav.vehicles', ['owner', 'user', 'admin'], owner.vehiclesScreen],
  '/vehicule': ['nav.vehicles', ['owner', 'user', 'admin'], owner.vehicleScreen],
  '/notifications': ['nav.notifications', ['owner', 'user', 'agent', 'admin'], owner.notificationsScreen],
  '/consultations': ['nav.consultations', ['owner', 'user'], owner.consultationsScreen],
  '/propositions': ['nav.proposals', ['owner', 'user', 'agent'], owner.proposalsScreen],
  '/revendiquer': ['nav.claim', ['owner', 'user'], owner.claimScreen],
  '/admin': ['nav.admin', ['admin'], admin.dashboardScreen],
  '/admin/documents': ['nav.adminDocuments', ['admin'], admin.documentsScreen],
  '/admin/propositions': ['nav.adminProposals', ['admin'], admin.proposalsScreen],
  '/admin/revendications': ['nav.adminClaims', ['admin'], admin.claimsScreen],
  '/admin/vehicules': ['nav.adminVehicles', ['admin'], admin.vehiclesScreen],
  '/admin/import': ['nav.adminImport', ['admin'], admin.importScreen],
  '/admin/agents': ['nav.adminAgents', ['admin'], admin.agentsScreen],
  '/admin/webhooks': ['nav.adminWebhooks', ['admin'], admin.webhooksScreen],
  '/admin/audit': ['nav.adminAudit', ['admin'], admin.auditScreen],
};

const NAV = {
  public: ['/', '/verifier'],
  user: ['/', '/historique', '/vehicules', '/revendiquer', '/notifications'],
  owner: ['/', '/historique', '/vehicules', '/notifications', '/consultations', '/propositions', '/revendiquer'],
  agent: ['/controle', '/historique', '/outils', '/propositions', '/file'],
  admin: ['/admin', '/admin/documents', '/admin/propositions', '/admin/revendications', '/admin/vehicules',
    '/admin/import', '/admin/agents', '/admin/webhooks', '/admin/audit', '/controle'],
};

function parseHash() {
  const raw = (window.location.hash || '#/').slice(1) || '/';
  const [path, query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean);
  // /vehicule/{id}: a parameterised route
  if (parts[0] === 'vehicule' && parts[1]) return { path: '/vehicule', param: decodeURIComponent(parts[1]), query: new URLSearchParams(query) };
  return { path: '/' + parts.join('/'), query: new URLSearchParams(query) };
}

function renderShell() {
  document.title = t('app.title');
  $('skip').textContent = t('skip');
  $('brand-tagline').textContent = t('app.tagline');
  $('lang').replaceChildren(h('span.long', { text: t('lang.switch') }), h('span.short', { text: t('lang.short') }));
  $('lang').setAttribute('aria-label', t('lang.switch'));
  $('lang').title = t('lang.switchLabel');
  $('lang').setAttribute('lang', currentLanguage() === 'fr' ? 'en' : 'fr');
  $('login').textContent = t('auth.login');
  $('logout').textContent = t('auth.logout');
  $('menu').setAttribute('aria-label', t('nav.menu'));
  $('nav').setAttribute('aria-label', t('nav.main'));
  $('footer-text').textContent = t('footer');
  const c = auth.claims();
  const role = auth.role(c);
  document.body.dataset.role = role;
  $('login').hidden = !!c;
  $('logout').hidden = !c;
  $('user-name').hidden = !c;
  $('user-role').hidden = !c;
  if (c) {
    $('user-name').textContent = c.preferred_username || c.sub;
    $('user-role').textContent = codeLabel('role', role);
    $('user-role').title = c.organisation ? `${codeLabel('role', role)} · ${c.organisation}` : codeLabel('role', role);
  }
  const current = parseHash().path;
  $('nav').replaceChildren(h('ul', {}, (NAV[role] || NAV.public).map((path) => h('li', {},
    h('a', { href: '#' + path, 'aria-current': path === current ? 'page' : null, text: t(ROUTES[path][0]) }, path === '/file' ? h('span.badge', { id: 'nav-queue-count' }) : null))),
  // On a phone the header keeps one line: who is signed in and "log out" live in the menu.
  c ? h('li.nav-account', {}, h('span.muted', { text: `${c.preferred_username || ''} · ${codeLabel('role', role)}` }),
    h('button.ghost.small', { type: 'button', id: 'nav-logout', onclick: () => auth.logout(), text: t('auth.logout') })) : null));
  updateQueueBadge();
}

async function updateQueueBadge() {
  const badge = $('nav-queue-count');
  if (!badge) return;
  const items = await queue.list().catch(() => []);
  badge.textContent = items.length ? String(items.length) : '';
  badge.hidden = !items.length;
}

function render() {
  renderShell();
  const { path, param, query } = parseHash();
  const route = ROUTES[path];
  const main = $('main');
  const role = auth.role();
  let screen;
  if (!route) screen = h('div', {}, h('h1', { id: 'page-title', text: t('common.notFound') }), h('p', {}, h('a', { href: '#/', text: t('nav.home') })));
  else if (route[1] && role === 'public') screen = h('div', {}, h('h1', { id: 'page-title', text: t(route[0]) }), message('info', t('auth.needed')),
    h('button.primary', { type: 'button', onclick: () => auth.login(), text: t('auth.login') }));
  else if (route[1] && !route[1].includes(role)) screen = h('div', {}, h('h1', { id: 'page-title', text: t(route[0]) }), message('error', t('auth.forbidden')));
  else screen = route[2]({ role, param, query, claims: auth.claims(), rerender: render });
  main.replaceChildren(screen);
  document.querySelector('#nav').classList.remove('open');
  $('menu').setAttribute('aria-expanded', 'false');
  if (render.navigated) {
    const title = document.getElementById('page-title');
    if (title) { title.tabIndex = -1; title.focus({ preventScroll: false }); }
  }
}

function notice(text) {
  $('notice').textContent = text || '';
  $('notice').hidden = !text;
}

function renderOnline() {
  $('offline').hidden = navigator.onLine;
  $('offline').textContent = t('net.offline');
}

async function flushQueue() {
  if (!navigator.onLine) return;
  const sent = await queue.flush(sendQueued).catch(() => 0);
  if (sent) notice(t('queue.sent', sent));
  updateQueueBadge();
}

async function start() {
  initLanguage();
  const config = await fetch('/config.json').then((r) => r.json()).catch(() => JSON.parse(localStorage.getItem('autochec.config') || 'null'));
  if (!config) throw new Error('config');
  localStorage.setItem('autochec.config', JSON.stringify(config));
  auth.setConfig(config);
  auth.onSessionExpired(() => { notice(t('auth.expired')); renderShell(); });
  const failure = await auth.completeLogin();
  if (failure) notice(t('auth.failed', failure === 'state' ? t('auth.state') : failure));

  $('login').addEventListener('click', () => auth.login().catch((e) => notice(t('auth.failed', e.message))));
  $('logout').addEventListener('click', () => auth.logout());
  $('lang').addEventListener('click', () => { setLanguage(currentLanguage() === 'fr' ? 'en' : 'fr'); render(); renderOnline(); });
  $('menu').addEventListener('click', () => {
    const open = $('nav').classList.toggle('open');
    $('menu').setAttribute('aria-expanded', String(open));
  });
  window.addEventListener('hashchange', () => { render.navigated = true; notice(''); render(); });
  window.addEventListener('online', () => { renderOnline(); flushQueue(); });
  window.addEventListener('offline', renderOnline);
  window.addEventListener('autochec:flush', flushQueue);
  queue.onQueueChange(updateQueueBadge);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
    navigator.serviceWorker.addEventListener('message', (event) => { if (event.data && event.data.type === 'flush-queue') flushQueue(); });
  }
  renderOnline();
  render();
  flushQueue();
}

start().catch(() => {
  notice('Autochec ne peut pas démarrer. Rechargez la page. / Autochec could not start. Reload the page.');
});
