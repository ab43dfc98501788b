// The dashboard shell: sign-in with an API key, language switch, and a hash router between the
// overview (#/) and agency pages (#/agency/<slug>). An agency key goes straight to its agency.
import { api, ApiError, getKey, setKey } from './api.js';
import { applyDocument, getLang, onLangChange, setLang, t } from './i18n.js';
import { mountOverview } from './overview.js';
import { mountAgency } from './agency.js';

const main = document.getElementById('main');
const langButton = document.getElementById('lang');
const signOut = document.getElementById('signout');
let me = null;
let unmount = () => undefined;

function showSignIn(message) {
  unmount();
  const input = Object.assign(document.createElement('input'), { type: 'password', id: 'api-key', autocomplete: 'off', placeholder: t('apiKey') });
  const button = Object.assign(document.createElement('button'), { type: 'submit', id: 'sign-in', textContent: t('signIn') });
  const note = Object.assign(document.createElement('p'), { id: 'sign-in-message', textContent: message ?? t('signInHint') });
  const form = Object.assign(document.createElement('form'), { className: 'signin' });
  form.append(note, input, button);
  form.onsubmit = async (e) => { e.preventDefault(); setKey(input.value.trim()); await start(); };
  main.replaceChildren(form);
  delete main.dataset.ready;
  signOut.hidden = true;
}

async function route() {
  unmount();
  unmount = () => undefined;
  delete main.dataset.ready;
  const m = /^#\/agency\/([a-z0-9-]+)/.exec(location.hash);
  try {
    if (m) await mountAgency(main, m[1], me.role);
    else if (me.role === 'agency') location.hash = `#/agency/${me.agency}`;
    else unmount = mountOverview(main);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return showSignIn(t('badKey'));
    main.replaceChildren(Object.assign(document.createElement('p'), { id: 'error', textContent: err.status === 404 ? t('notFound') : err.message }));
    main.dataset.ready = 'error';
  }
}

async function start() {
  if (!getKey()) return showSignIn();
  try {
    me = await api('/dashboard/me');
  } catch {
    setKey(null);
    return showSignIn(t('badKey'));
  }
  document.getElementById('who').textContent = me.agency ? `${me.role} · ${me.agency}` : me.role;
  signOut.hidden = false;
  await route();
}

langButton.onclick = () => setLang(getLang() === 'fa' ? 'en' : 'fa');
onLangChange(() => { langButton.textContent = getLang() === 'fa' ? 'English' : 'فارسی'; if (me && location.hash.startsWith('#/agency/')) void route(); });
signOut.onclick = () => { setKey(null); me = null; showSignIn(); };
addEventListener('hashchange', () => { if (me) void route(); });
applyDocument();
langButton.textContent = getLang() === 'fa' ? 'English' : 'فارسی';
void start();
