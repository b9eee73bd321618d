// The embed report from GET /campaigns/{id}/embeds, drawn as a table and a plain SVG bar chart.
import { createMemorialAdminClient, createMemorialClient, isMemorialError } from '/dist/cdn/memorial-elements.min.js';

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const when = (iso) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });

function say(text, isError = false) {
  $('status-line').textContent = text;
  $('status-line').classList.toggle('error', isError);
}

function svg(name, attrs, text) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Two bars per site, scaled to the busiest; attributes only, so a strict CSP is fine. */
function drawChart(items) {
  const chart = $('chart');
  const rowHeight = 36;
  const labelWidth = 260;
  const width = 900;
  const max = Math.max(1, ...items.map((s) => s.impressions), ...items.map((s) => s.clicks));
  const scale = (n) => ((width - labelWidth - 60) * n) / max;
  chart.setAttribute('viewBox', `0 0 ${width} ${Math.max(1, items.length) * rowHeight + 8}`);
  chart.replaceChildren();
  items.forEach((s, i) => {
    const y = i * rowHeight + 4;
    chart.append(
      svg('text', { x: 0, y: y + 20 }, new URL(s.origin).host),
      svg('rect', { class: 'imp', x: labelWidth, y, width: scale(s.impressions), height: 14 }),
      svg('text', { x: labelWidth + scale(s.impressions) + 6, y: y + 12 }, s.impressions),
      svg('rect', { class: 'clk', x: labelWidth, y: y + 16, width: scale(s.clicks), height: 14 }),
      svg('text', { x: labelWidth + scale(s.clicks) + 6, y: y + 28 }, s.clicks),
    );
  });
  if (items.length === 0) chart.append(svg('text', { x: 0, y: 20 }, '尚无网站报告 No site has reported this campaign yet.'));
}

async function show() {
  const admin = createMemorialAdminClient({ baseUrl: location.origin, token: $('token').value, retry: 0 });
  const report = await admin.campaigns.embeds($('campaign').value);
  const rows = report.items.map((s) => {
    const tr = document.createElement('tr');
    for (const v of [s.origin, when(s.firstSeen), when(s.lastSeen), s.days, s.impressions, s.clicks]) {
      const td = document.createElement('td');
      td.textContent = String(v);
      tr.append(td);
    }
    return tr;
  });
  $('sites').replaceChildren(...rows);
  drawChart(report.items);
  say(`${report.items.length} 个网站 sites.`);
}

const pub = createMemorialClient({ baseUrl: location.origin });
pub.campaigns
  .list()
  .then((campaigns) => {
    for (const c of campaigns) $('campaign').append(new Option(`${c.title}（${c.startDate} – ${c.endDate}）`, c.id));
  })
  .catch((error) => say(`无法载入活动 Could not load campaigns: ${error.message}`, true));

$('token').value = sessionStorage.getItem('memorial-admin-token') ?? '';
$('query').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem('memorial-admin-token', $('token').value);
  say('查询中… Loading…');
  show().catch((error) => say(isMemorialError(error) && error.status === 401 ? '令牌不正确 The admin token was not accepted.' : error.message, true));
});
