// The JSON API client of the console: same origin, /api, the key in x-functions-key. A 401 asks for the key once
// (a dialog), keeps it in sessionStorage (gone when the tab closes) and retries the call.
const KEY = 'newsmonitor.apiKey';
const API = '/api/';

/** An API refusal: the RFC 9457 problem's detail, status and extensions (such as the position of a query error). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

// In Azure the console may be opened as .../?code=FUNCTION_KEY: keep the key for this tab and drop it from the address bar.
const params = new URLSearchParams(location.search);
if (params.get('code')) {
  sessionStorage.setItem(KEY, params.get('code'));
  params.delete('code');
  const rest = params.toString();
  history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : '') + location.hash);
}

let asking = null;

function askForKey(reason) {
  if (asking) return asking;
  const dialog = document.getElementById('key-dialog');
  const input = document.getElementById('key-input');
  document.getElementById('key-reason').textContent = reason;
  input.value = '';
  asking = new Promise(resolve => {
    dialog.addEventListener('close', () => {
      asking = null;
      if (dialog.returnValue === 'ok' && input.value) {
        sessionStorage.setItem(KEY, input.value);
        resolve(true);
      } else {
        resolve(false);
      }
    }, { once: true });
  });
  dialog.showModal();
  input.focus();
  return asking;
}

/** Calls the API; resolves with the parsed JSON (null for 204) or rejects with an ApiError. */
export async function api(method, path, body) {
  for (let attempt = 0; ; attempt++) {
    const headers = { accept: 'application/json' };
    const key = sessionStorage.getItem(KEY);
    if (key) headers['x-functions-key'] = key;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401 && attempt < 3) {
      sessionStorage.removeItem(KEY);
      const reason = key ? 'That key was refused. Enter the API key again.' : 'This service needs an API key. It is kept in this browser tab only, until the tab closes.';
      if (await askForKey(reason)) continue;
    }
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }
}

export const get = path => api('GET', path);
export const post = (path, body) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = path => api('DELETE', path);
