// The relative-search demo page: 长辈模式 toggle and a log of the element's events (never personal data:
// memorial-lead-submit carries only the reference number).
const toggle = document.getElementById('elder-toggle');
const scope = document.getElementById('memorial-scope');
const log = document.getElementById('event-log');

toggle.addEventListener('click', () => {
  const on = toggle.getAttribute('aria-pressed') !== 'true';
  toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
  document.documentElement.classList.toggle('elder', on);
  scope.toggleAttribute('elder-mode', on);
});

for (const type of ['memorial-search', 'memorial-lead-submit', 'memorial-error']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    const detail = type === 'memorial-error' ? { kind: event.detail.kind, phase: event.detail.phase } : event.detail;
    item.textContent = `${type} ${JSON.stringify(detail)}`;
    log.prepend(item);
  });
}
