// Drives the admin endpoints through the SDK's admin client, from the self-contained CDN build.
import { createMemorialAdminClient, isMemorialError } from '/dist/cdn/memorial-elements.min.js';

const $ = (id) => document.getElementById(id);
const statusLine = $('status-line');
let client;

function say(text, isError = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle('error', isError);
}

function describe(error) {
  if (isMemorialError(error) && error.status === 401) return '令牌不正确 The admin token was not accepted.';
  return `出错了 ${error.message}`;
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function button(label, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

async function act(fn, done) {
  try {
    await fn();
    say(done);
    await load();
  } catch (error) {
    say(describe(error), true);
  }
}

async function load() {
  const queue = $('queue');
  queue.replaceChildren();
  const status = $('status').value;
  const page = await client.messages.list({ status, limit: 50 }).firstPage();
  for (const m of page.items) {
    const tr = document.createElement('tr');
    const text = cell(m.text + (m.signature ? ` —— ${m.signature}` : ''));
    if (m.reason) {
      const flag = document.createElement('div');
      flag.className = 'flag';
      flag.textContent = `⚑ ${m.reason}${m.reports ? ` (${m.reports} reports)` : ''}`;
      text.append(flag);
    }
    const actions = document.createElement('td');
    if (m.status !== 'approved') actions.append(button('通过 Approve', () => act(() => client.messages.approve(m.id), '已通过 Approved.')));
    if (m.status !== 'rejected') {
      actions.append(
        button('不通过 Reject', () => {
          const reason = window.prompt('不通过的理由 Reason for rejecting');
          if (reason) act(() => client.messages.reject(m.id, { reason }), '已拒绝 Rejected.');
        }),
      );
    }
    actions.append(
      button('删除 Delete', () => {
        if (window.confirm('永久删除这条寄语？ Delete this message for good?')) act(() => client.messages.delete(m.id), '已删除 Deleted.');
      }),
    );
    tr.append(text, cell(m.martyrId), cell(new Date(m.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })), actions);
    queue.append(tr);
  }
  if (page.items.length === 0) {
    const tr = document.createElement('tr');
    const td = cell('没有寄语 Nothing here.');
    td.colSpan = 4;
    tr.append(td);
    queue.append(tr);
  }
  const audit = $('audit');
  audit.replaceChildren();
  const log = await client.audit().firstPage();
  for (const e of log.items.slice(0, 20)) {
    const li = document.createElement('li');
    li.textContent = `${new Date(e.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} · ${e.actor} · ${e.action} · ${e.subject ?? ''}`;
    audit.append(li);
  }
  say(`${page.items.length} 条 messages.`);
}

$('token').value = sessionStorage.getItem('memorial-admin-token') ?? '';
$('actor').value = localStorage.getItem('memorial-admin-actor') ?? '';
$('login').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem('memorial-admin-token', $('token').value);
  localStorage.setItem('memorial-admin-actor', $('actor').value);
  client = createMemorialAdminClient({ baseUrl: location.origin, token: $('token').value, actor: $('actor').value, retry: 0 });
  say('载入中… Loading…');
  load().catch((error) => say(describe(error), true));
});
